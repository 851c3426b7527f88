package dev.gatehouse.sso.oidc.engine;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Validates an ID token completely, in this order: it is a signed JWT (never {@code alg: none}, never encrypted), its
 * algorithm is on the provider's allow-list (asymmetric only, so an HMAC token "signed" with the provider's public key
 * cannot pass), its signature verifies with a key of the provider's own key set ({@link ProviderKeys}; header keys and
 * key URLs are ignored), the issuer and tenant are allowed ({@link IssuerPolicy}), the audience is this client (and
 * {@code azp} names it when there are several), {@code exp}, {@code nbf} and {@code iat} hold within the clock skew,
 * the nonce is the one sent, and {@code c_hash}/{@code at_hash} match the code and access token that came with it.
 * Every refusal is an {@link OidcException} with its reason; messages never contain the token.
 */
public final class IdTokenValidator {
    /** Larger tokens are refused before parsing (Entra switches to the overage claim well below this). */
    public static final int MAX_TOKEN_CHARS = 64 * 1024;
    /** How old {@code iat} may be: a sign-in takes at most this long after the token was made. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    /**
     * What a token must match.
     *
     * @param nonce the nonce sent in the authentication request
     * @param code the authorization code that came with the token from the authorization endpoint, or {@code null}
     * @param accessToken an access token that came with the token, or {@code null}
     * @param hashesRequired whether {@code c_hash} (and {@code at_hash} with an access token) must be present: for
     *     tokens from the authorization endpoint (the hybrid and implicit flows)
     */
    public record Expected(
            String clientId,
            IssuerPolicy issuers,
            Set<JWSAlgorithm> algorithms,
            Duration clockSkew,
            String nonce,
            String code,
            String accessToken,
            boolean hashesRequired) {
        @Override
        public String toString() {
            return "Expected[" + clientId + ", " + issuers + ", " + algorithms + "]";
        }
    }

    private IdTokenValidator() {}

    /** @return the token's claims, all checked */
    public static JWTClaimsSet validate(String token, ProviderKeys keys, Expected expected, Instant now) {
        SignedJWT jwt = signed(token);
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!expected.algorithms().contains(algorithm)) {
            throw new OidcException(
                    OidcException.Reason.ALGORITHM,
                    "the token is signed with " + algorithm + "; this provider accepts " + expected.algorithms());
        }
        JWK signer = verify(jwt, keys.candidates(header.getKeyID(), algorithm));
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OidcException(OidcException.Reason.MALFORMED, "the token's claims are not a JSON object");
        }
        expected.issuers().check(claims.getIssuer(), string(claims, "tid"));
        keyIssuer(keys, signer, claims);
        audience(claims, expected.clientId());
        times(claims, now, expected.clockSkew());
        String nonce = string(claims, "nonce");
        if (nonce == null || !constantTimeEquals(nonce, expected.nonce())) {
            throw new OidcException(OidcException.Reason.NONCE, "the token's nonce is not the one this sign-in sent");
        }
        hashes(claims, algorithm, expected);
        return claims;
    }

    private static SignedJWT signed(String token) {
        if (token == null || token.isEmpty()) {
            throw new OidcException(OidcException.Reason.MALFORMED, "no ID token was sent");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new OidcException(
                    OidcException.Reason.MALFORMED, "the ID token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new OidcException(OidcException.Reason.MALFORMED, "the ID token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new OidcException(OidcException.Reason.ALGORITHM, "the ID token is unsigned (alg: none)");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw new OidcException(OidcException.Reason.ALGORITHM, "the ID token is encrypted, not signed");
        }
        return signed;
    }

    /**
     * Entra names, for each key of its key set, the issuer it signs for; a token whose issuer is not its key's (after
     * the {@code {tenantid}} template is filled with the token's tenant) was signed by a key meant for someone else.
     */
    private static void keyIssuer(ProviderKeys keys, JWK signer, JWTClaimsSet claims) {
        keys.issuerOf(signer).ifPresent(template -> {
            String tid = string(claims, "tid");
            String expected = tid == null ? template : template.replace(IssuerPolicy.TENANT_PLACEHOLDER, tid);
            if (!expected.equals(claims.getIssuer())) {
                throw new OidcException(
                        OidcException.Reason.ISSUER,
                        "the token was signed by a key published for the issuer '" + ProviderKeys.printable(template)
                                + "', not its own");
            }
        });
    }

    private static JWK verify(SignedJWT jwt, List<JWK> candidates) {
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier =
                        key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
                if (jwt.verify(verifier)) {
                    return key;
                }
            } catch (JOSEException | IllegalStateException e) {
                // this key cannot verify this token: try the next
            }
        }
        throw new OidcException(
                OidcException.Reason.SIGNATURE, "no key of the provider's key set verifies the token's signature");
    }

    private static void audience(JWTClaimsSet claims, String clientId) {
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw new OidcException(OidcException.Reason.AUDIENCE, "the token is not for client " + clientId);
        }
        String azp = string(claims, "azp");
        if (audience.size() > 1 && !clientId.equals(azp)) {
            throw new OidcException(
                    OidcException.Reason.AUDIENCE, "the token has several audiences and its azp is not " + clientId);
        }
    }

    private static void times(JWTClaimsSet claims, Instant now, Duration skew) {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null || iat == null) {
            throw new OidcException(OidcException.Reason.TIME, "the token has no " + (exp == null ? "exp" : "iat"));
        }
        if (!exp.toInstant().plus(skew).isAfter(now)) {
            throw new OidcException(OidcException.Reason.TIME, "the token expired at " + exp.toInstant());
        }
        if (nbf != null && nbf.toInstant().minus(skew).isAfter(now)) {
            throw new OidcException(OidcException.Reason.TIME, "the token is not valid before " + nbf.toInstant());
        }
        if (iat.toInstant().minus(skew).isAfter(now)) {
            throw new OidcException(
                    OidcException.Reason.TIME, "the token was issued in the future (" + iat.toInstant() + ")");
        }
        if (iat.toInstant().plus(MAX_AGE).plus(skew).isBefore(now)) {
            throw new OidcException(
                    OidcException.Reason.TIME, "the token was issued at " + iat.toInstant() + ", too long ago");
        }
    }

    private static void hashes(JWTClaimsSet claims, JWSAlgorithm algorithm, Expected expected) {
        String cHash = string(claims, "c_hash");
        if (expected.code() != null && (cHash != null || expected.hashesRequired())) {
            CodeHash computed = CodeHash.compute(new AuthorizationCode(expected.code()), algorithm);
            if (cHash == null || computed == null || !constantTimeEquals(cHash, computed.getValue())) {
                throw new OidcException(OidcException.Reason.HASH, "the token's c_hash does not match the code");
            }
        }
        String atHash = string(claims, "at_hash");
        if (expected.accessToken() != null && (atHash != null || expected.hashesRequired())) {
            AccessTokenHash computed =
                    AccessTokenHash.compute(new BearerAccessToken(expected.accessToken()), algorithm);
            if (atHash == null || computed == null || !constantTimeEquals(atHash, computed.getValue())) {
                throw new OidcException(
                        OidcException.Reason.HASH, "the token's at_hash does not match the access token");
            }
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new OidcException(OidcException.Reason.MALFORMED, "the token's " + name + " claim is not a string");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
