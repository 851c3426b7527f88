package dev.gatehouse.sso.oidc.engine;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Makes ID tokens as Entra does (v2.0 issuer, tid, oid), signed by keys it publishes as a JWK set. */
public final class TokenMint {
    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String OTHER_TENANT = "0b6f7d2a-5e1c-4f3a-9a77-31c2b0e1d4f5";
    public static final String CLIENT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public static final String AUTHORITY = "https://login.microsoftonline.com/";

    RSAKey key;
    RSAKey retired;

    public TokenMint() {
        key = newKey("key-1");
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the signing key by a new one with another kid (the old one is no longer published). */
    public void rotate(String kid) {
        retired = key;
        key = newKey(kid);
    }

    /** The key set as Entra's common endpoint publishes it: each key with the issuer template it signs for. */
    public String jwks() {
        String set = new JWKSet(key.toPublicJWK()).toString();
        return keyIssuer == null ? set : set.replace("\"kid\":", "\"issuer\":\"" + keyIssuer + "\",\"kid\":");
    }

    /** The issuer the published key names; {@code null} publishes none (as most providers but Entra). */
    public String keyIssuer;

    public static String issuer(String tenant) {
        return AUTHORITY + tenant + "/v2.0";
    }

    public JWTClaimsSet.Builder claims(String tenant, String nonce, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer(tenant))
                .audience(CLIENT)
                .subject("pairwise-sub-AAAAAAAAAAAAAAAAAAAA")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("nonce", nonce)
                .claim("tid", tenant)
                .claim("oid", "6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f")
                .claim("preferred_username", "ada@contoso.com")
                .claim("name", "Ada Lovelace")
                .claim("groups", List.of("0e4a9c0e-3b1a-4c55-8f7e-0d3c2b1a0f9e"))
                .claim("ver", "2.0");
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, UnaryOperator.identity());
    }

    public String sign(JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
        try {
            SignedJWT jwt = new SignedJWT(
                    header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .type(JOSEObjectType.JWT)
                                    .keyID(key.getKeyID()))
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signWith(RSAKey other, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(other.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(other));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the provider's public key as the HMAC secret: the classic key-confusion attack. */
    public String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
