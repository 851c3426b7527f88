package dev.gatehouse.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.sso.oidc.engine.IdTokenValidator;
import dev.gatehouse.sso.oidc.engine.IssuerPolicy;
import dev.gatehouse.sso.oidc.engine.ProviderKeys;
import dev.gatehouse.sso.oidc.engine.TokenMint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Callback ID token validation with cached keys (Entra-shaped RS256 token: v2.0 issuer, tid, oid, groups; the
 * multi-tenant issuer template and a tenant allow-list) next to the bare primitive on the same tokens: Nimbus's
 * {@code SignedJWT.parse} and RS256 {@code verify} with the known key, nothing else. Both cycle through 1,024 tokens
 * with distinct nonces and subjects. One thread: the figures are per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class OidcTokenBenchmark {
    private static final int TOKENS = 1024;

    private String[] tokens;
    private IdTokenValidator.Expected[] expected;
    private ProviderKeys keys;
    private RSASSAVerifier verifier;
    private int next;

    @Setup
    public void setUp() throws Exception {
        TokenMint mint = new TokenMint();
        String jwks = mint.jwks();
        keys = new ProviderKeys(() -> jwks, Clock.systemUTC());
        keys.refetch();
        verifier = new RSASSAVerifier((RSAKey) JWKSet.parse(jwks).getKeys().get(0));
        tokens = new String[TOKENS];
        expected = new IdTokenValidator.Expected[TOKENS];
        Instant now = Instant.now();
        IssuerPolicy issuers = new IssuerPolicy(
                TokenMint.AUTHORITY + IssuerPolicy.TENANT_PLACEHOLDER + "/v2.0",
                Set.of(TokenMint.TENANT, TokenMint.OTHER_TENANT));
        for (int i = 0; i < TOKENS; i++) {
            String nonce = "nonce-" + i + "-" + now.toEpochMilli();
            tokens[i] = mint.sign(mint.claims(TokenMint.TENANT, nonce, now)
                    .subject("pairwise-" + i)
                    .build());
            expected[i] = new IdTokenValidator.Expected(
                    TokenMint.CLIENT,
                    issuers,
                    Set.of(JWSAlgorithm.RS256),
                    Duration.ofSeconds(120),
                    nonce,
                    null,
                    null,
                    false);
        }
    }

    @Benchmark
    public Object validate() {
        int i = next++ & (TOKENS - 1);
        return IdTokenValidator.validate(tokens[i], keys, expected[i], Instant.now());
    }

    @Benchmark
    public boolean primitive() throws Exception {
        int i = next++ & (TOKENS - 1);
        return SignedJWT.parse(tokens[i]).verify(verifier);
    }
}
