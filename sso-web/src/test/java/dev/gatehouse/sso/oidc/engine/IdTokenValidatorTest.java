package dev.gatehouse.sso.oidc.engine;

import static dev.gatehouse.sso.oidc.engine.TokenMint.AUTHORITY;
import static dev.gatehouse.sso.oidc.engine.TokenMint.CLIENT;
import static dev.gatehouse.sso.oidc.engine.TokenMint.OTHER_TENANT;
import static dev.gatehouse.sso.oidc.engine.TokenMint.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Security matrix rows O1 to O5 (O6, the state, is the client's: OidcClientTest), plus tenants and hashes. */
class IdTokenValidatorTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final TokenMint mint = new TokenMint();
    final AtomicInteger fetches = new AtomicInteger();
    final MutableClock clock = new MutableClock(NOW);
    final ProviderKeys keys = new ProviderKeys(
            () -> {
                fetches.incrementAndGet();
                return mint.jwks();
            },
            clock);

    /** Single tenant: Entra's issuer of the home tenant. */
    IdTokenValidator.Expected single(String nonce) {
        return new IdTokenValidator.Expected(
                CLIENT,
                new IssuerPolicy(TokenMint.issuer(TENANT), Set.of(TENANT)),
                Set.of(JWSAlgorithm.RS256),
                Duration.ofSeconds(120),
                nonce,
                null,
                null,
                false);
    }

    /** Multi-tenant: Entra's organizations issuer template, these tenants allowed. */
    IdTokenValidator.Expected multi(String nonce, String... tenants) {
        return new IdTokenValidator.Expected(
                CLIENT,
                new IssuerPolicy(AUTHORITY + "{tenantid}/v2.0", Set.of(tenants)),
                Set.of(JWSAlgorithm.RS256),
                Duration.ofSeconds(120),
                nonce,
                null,
                null,
                false);
    }

    JWTClaimsSet validate(String token, IdTokenValidator.Expected expected) {
        return IdTokenValidator.validate(token, keys, expected, clock.instant());
    }

    @Test
    void aValidEntraTokenPasses() {
        JWTClaimsSet claims = validate(mint.sign(mint.claims(TENANT, "n-1", NOW).build()), single("n-1"));
        assertThat(claims.getClaim("oid")).isEqualTo("6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f");
    }

    @Test
    void o1UnsignedTokensAreRefused() {
        assertThatThrownBy(() -> validate(
                        TokenMint.unsigned(mint.claims(TENANT, "n", NOW).build()), single("n")))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.ALGORITHM))
                .hasMessageContaining("unsigned (alg: none)");
    }

    @Test
    void o2ABadSignatureIsRefused() {
        String token = mint.sign(mint.claims(TENANT, "n", NOW).build());
        String[] parts = token.split("\\.");
        byte[] signature = Base64URL.from(parts[2]).decode();
        signature[10] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
        assertReason(() -> validate(tampered, single("n")), OidcException.Reason.SIGNATURE);

        String otherClaims = parts[0] + "."
                + Base64URL.encode(mint.claims(TENANT, "n", NOW)
                        .subject("someone-else")
                        .build()
                        .toString()) + "."
                + parts[2];
        assertReason(() -> validate(otherClaims, single("n")), OidcException.Reason.SIGNATURE);
    }

    @Test
    void o2HmacSignedWithTheProvidersPublicKeyIsRefused() {
        String token = mint.hmacWithPublicKey(mint.claims(TENANT, "n", NOW).build());
        assertThatThrownBy(() -> validate(token, single("n")))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.ALGORITHM))
                .hasMessageContaining("HS256");
    }

    @Test
    void o2WrongIssuerAudienceTimesAndNonceAreRefused() {
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW)
                                .issuer("https://evil.example.com/" + TENANT + "/v2.0")
                                .build()),
                        single("n")),
                OidcException.Reason.ISSUER);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW)
                                .audience("another-client")
                                .build()),
                        single("n")),
                OidcException.Reason.AUDIENCE);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW)
                                .audience(java.util.List.of(CLIENT, "another-client"))
                                .build()),
                        single("n")),
                OidcException.Reason.AUDIENCE);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW.minus(Duration.ofHours(2)))
                                .build()),
                        single("n")),
                OidcException.Reason.TIME);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW.plus(Duration.ofMinutes(10)))
                                .build()),
                        single("n")),
                OidcException.Reason.TIME);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW).issueTime(null).build()), single("n")),
                OidcException.Reason.TIME);
        assertReason(
                () -> validate(
                        mint.sign(mint.claims(TENANT, "n", NOW)
                                .expirationTime(Date.from(NOW.minusSeconds(121)))
                                .build()),
                        single("n")),
                OidcException.Reason.TIME);
        assertReason(
                () -> validate(mint.sign(mint.claims(TENANT, "other-nonce", NOW).build()), single("n")),
                OidcException.Reason.NONCE);
        assertReason(
                () -> validate(mint.sign(mint.claims(TENANT, null, NOW).build()), single("n")),
                OidcException.Reason.NONCE);
    }

    @Test
    void theClockSkewIsHonouredBothWays() {
        String expiredWithinSkew = mint.sign(mint.claims(TENANT, "n", NOW)
                .expirationTime(Date.from(NOW.minusSeconds(100)))
                .build());
        assertThat(validate(expiredWithinSkew, single("n")).getSubject()).isNotNull();
        String issuedSlightlyAhead =
                mint.sign(mint.claims(TENANT, "n", NOW.plusSeconds(100)).build());
        assertThat(validate(issuedSlightlyAhead, single("n")).getSubject()).isNotNull();
    }

    @Test
    void o3ARotatedKeyIsPickedUpWithOneRateLimitedRefetch() {
        validate(mint.sign(mint.claims(TENANT, "n", NOW).build()), single("n"));
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        mint.rotate("key-2");
        JWTClaimsSet claims =
                validate(mint.sign(mint.claims(TENANT, "n", clock.instant()).build()), single("n"));
        assertThat(claims.getSubject()).isNotNull();
        assertThat(fetches).as("one refetch for the unknown kid").hasValue(2);

        // invented kids within five minutes do not make the provider's key set be fetched again
        for (int i = 0; i < 20; i++) {
            String invented = mint.signWith(
                    TokenMint.newKey("invented-" + i),
                    mint.claims(TENANT, "n", clock.instant()).build());
            assertReason(() -> validate(invented, single("n")), OidcException.Reason.SIGNATURE);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void o3AnUnknownKidFetchesTheKeysAtMostOncePerFiveMinutes() {
        keys.refetch(); // as when the provider is saved: not counted against the interval
        validate(mint.sign(mint.claims(TENANT, "n", NOW).build()), single("n"));
        mint.rotate("key-2");
        clock.advance(Duration.ofMinutes(1));
        assertThat(validate(mint.sign(mint.claims(TENANT, "n", clock.instant()).build()), single("n")))
                .as("the first rotation is picked up at once")
                .isNotNull();
        assertThat(fetches).hasValue(2);

        mint.rotate("key-3");
        clock.advance(Duration.ofMinutes(1));
        String token = mint.sign(mint.claims(TENANT, "n", clock.instant()).build());
        assertReason(() -> validate(token, single("n")), OidcException.Reason.SIGNATURE);
        assertThat(fetches)
                .as("a second unknown kid within five minutes fetches nothing")
                .hasValue(2);
        clock.advance(ProviderKeys.REFETCH_INTERVAL);
        assertThat(validate(mint.sign(mint.claims(TENANT, "n", clock.instant()).build()), single("n")))
                .isNotNull();
        assertThat(fetches).hasValue(3);
    }

    @Test
    void o4KeysInTheTokenHeaderAreIgnored() throws Exception {
        com.nimbusds.jose.jwk.RSAKey attacker = TokenMint.newKey("key-1");
        // the attacker's token carries its own public key, a key URL and a certificate URL, with the trusted kid
        com.nimbusds.jose.JWSHeader header = new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("key-1")
                .jwk(attacker.toPublicJWK())
                .jwkURL(URI.create("https://evil.example.com/keys"))
                .x509CertURL(URI.create("https://evil.example.com/cert.pem"))
                .build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                header, mint.claims(TENANT, "n", NOW).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(attacker));
        assertReason(() -> validate(jwt.serialize(), single("n")), OidcException.Reason.SIGNATURE);

        String pathKid = mint.sign(mint.claims(TENANT, "n", NOW).build(), h -> h.keyID("../../keys/key-1"));
        assertReason(() -> validate(pathKid, single("n")), OidcException.Reason.SIGNATURE);
        assertThat(JWKSet.parse(mint.jwks()).getKeys()).hasSize(1);
    }

    @Test
    void o5ATokenFromAnotherTenantIsRefusedBySingleTenantProviders() {
        String foreign = mint.sign(mint.claims(OTHER_TENANT, "n", NOW).build());
        assertReason(() -> validate(foreign, single("n")), OidcException.Reason.ISSUER);

        // even with the home tenant's issuer, a tid of another tenant is refused
        String mixed = mint.sign(mint.claims(OTHER_TENANT, "n", NOW)
                .issuer(TokenMint.issuer(TENANT))
                .build());
        assertReason(() -> validate(mixed, single("n")), OidcException.Reason.TENANT);
        String noTid =
                mint.sign(mint.claims(TENANT, "n", NOW).claim("tid", null).build());
        assertReason(() -> validate(noTid, single("n")), OidcException.Reason.TENANT);
    }

    @Test
    void aMultiTenantProviderAcceptsItsAllowedTenantsOnly() {
        String third = "1c1e3a1d-2f5e-4c1a-8a7b-9d8e7f6a5b4c";
        assertThat(validate(mint.sign(mint.claims(TENANT, "n", NOW).build()), multi("n", TENANT, OTHER_TENANT)))
                .isNotNull();
        assertThat(validate(mint.sign(mint.claims(OTHER_TENANT, "n", NOW).build()), multi("n", TENANT, OTHER_TENANT)))
                .isNotNull();
        assertThatThrownBy(() ->
                        validate(mint.sign(mint.claims(third, "n", NOW).build()), multi("n", TENANT, OTHER_TENANT)))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.TENANT))
                .hasMessageContaining("tenant " + third + ", which this provider does not allow");
        // the template takes the token's tid: an issuer naming another tenant than tid is refused
        String swapped = mint.sign(mint.claims(OTHER_TENANT, "n", NOW)
                .issuer(TokenMint.issuer(TENANT))
                .build());
        assertReason(() -> validate(swapped, multi("n", TENANT, OTHER_TENANT)), OidcException.Reason.ISSUER);
    }

    @Test
    void aKeyPublishedForAnotherIssuerDoesNotSignForThisOne() {
        mint.keyIssuer = AUTHORITY + "{tenantid}/v2.0";
        keys.refetch();
        assertThat(validate(mint.sign(mint.claims(TENANT, "n", NOW).build()), single("n")))
                .isNotNull();

        mint.keyIssuer = "https://login.microsoftonline.com/{tenantid}/v2.0/other";
        keys.refetch();
        assertThatThrownBy(
                        () -> validate(mint.sign(mint.claims(TENANT, "n", NOW).build()), single("n")))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.ISSUER))
                .hasMessageContaining("signed by a key published for the issuer");
    }

    @Test
    void theHybridFlowChecksCHashAndAtHash() {
        String code = "SplxlOBeZQQYbYS6WxSbIA";
        String access = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
        JWTClaimsSet.Builder claims = mint.claims(TENANT, "n", NOW)
                .claim(
                        "c_hash",
                        CodeHash.compute(new AuthorizationCode(code), JWSAlgorithm.RS256)
                                .getValue())
                .claim(
                        "at_hash",
                        AccessTokenHash.compute(new BearerAccessToken(access), JWSAlgorithm.RS256)
                                .getValue());
        String token = mint.sign(claims.build());
        assertThat(validate(token, hybrid("n", code, access))).isNotNull();

        assertReason(() -> validate(token, hybrid("n", "another-code", access)), OidcException.Reason.HASH);
        assertReason(() -> validate(token, hybrid("n", code, "another-token")), OidcException.Reason.HASH);
        String withoutHash = mint.sign(mint.claims(TENANT, "n", NOW).build());
        assertThatThrownBy(() -> validate(withoutHash, hybrid("n", code, null)))
                .hasMessageContaining("c_hash does not match");
    }

    @Test
    void oversizedAndMalformedTokensAreRefusedBeforeAnyKeyIsFetched() {
        assertReason(() -> validate("x".repeat(70_000), single("n")), OidcException.Reason.MALFORMED);
        assertReason(() -> validate("not-a-jwt", single("n")), OidcException.Reason.MALFORMED);
        assertThat(fetches).hasValue(0);
    }

    @Test
    void messagesNeverContainTheToken() {
        String token = mint.sign(mint.claims(TENANT, "wrong", NOW).build());
        assertThatThrownBy(() -> validate(token, single("n"))).satisfies(e -> assertThat(e.getMessage())
                .doesNotContain(token.split("\\.")[1])
                .doesNotContain(token.split("\\.")[2]));
    }

    IdTokenValidator.Expected hybrid(String nonce, String code, String access) {
        IdTokenValidator.Expected base = single(nonce);
        return new IdTokenValidator.Expected(
                base.clientId(), base.issuers(), base.algorithms(), base.clockSkew(), nonce, code, access, true);
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OidcException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.reason())
                .as(e.getMessage())
                .isEqualTo(reason));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
