package dev.gatehouse.bench;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.sso.oidc.FormData;
import dev.gatehouse.sso.oidc.engine.TokenMint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The OpenID provider of the sign-in load, on 127.0.0.1: discovery, the key set, and a token endpoint that checks the
 * client secret and PKCE verifier of a code the load issued and answers with an Entra-shaped RS256 ID token. Signing
 * (one RSA private-key operation per sign-in) is part of what is measured, as the SAML load signs its responses.
 */
final class OidcBenchIdp implements AutoCloseable {
    record Grant(String oid, String nonce, String challenge) {}

    static final String SECRET = "benchmark-client-secret";
    final String clientId = UUID.randomUUID().toString();
    final String issuer;
    private final TokenMint mint = new TokenMint();
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    OidcBenchIdp() throws IOException {
        // the JDK server writes headers and body apart; without TCP_NODELAY each answer waits for a delayed ACK
        // (about 40 ms), which would be measured as Gatehouse's token exchange. Read once, before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/bench";
        server.createContext(
                "/bench/.well-known/openid-configuration",
                exchange -> send(
                        exchange,
                        200,
                        "{\"issuer\":\""
                                + issuer + "\",\"authorization_endpoint\":\"" + issuer
                                + "/authorize\",\"token_endpoint\":\"" + issuer
                                + "/token\",\"jwks_uri\":\"" + issuer + "/keys\"}"));
        server.createContext("/bench/keys", exchange -> send(exchange, 200, mint.jwks()));
        server.createContext("/bench/token", this::token);
        server.start();
    }

    /** A code for a sign-in the load started: what the authorize endpoint would have issued. */
    String code(String oid, String nonce, String challenge) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(oid, nonce, challenge));
        return code;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                FormData.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null
                || !SECRET.equals(form.get("client_secret"))
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
                        .getValue()
                        .equals(grant.challenge())) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = mint.sign(mint.claims(TokenMint.TENANT, grant.nonce(), Instant.now())
                .issuer(issuer)
                .audience(clientId)
                .claim("oid", grant.oid())
                .claim("preferred_username", "user-" + grant.oid() + "@contoso.example")
                .build());
        send(exchange, 200, "{\"token_type\":\"Bearer\",\"access_token\":\"at\",\"id_token\":\"" + idToken + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
