package dev.gatehouse.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.sso.oidc.FormData;
import dev.gatehouse.sso.oidc.engine.TokenMint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Entra ID and Microsoft Graph as Gatehouse sees them, on 127.0.0.1 (Entra is unreachable from here). Gatehouse is
 * started with {@code gatehouse.entra.authority-url} and {@code gatehouse.graph.url} pointing here. It answers as
 * Microsoft documents: per-tenant and {@code organizations} v2.0 discovery (the multi-tenant issuer with
 * {@code {tenantid}}), one key set, the authorize endpoint answering by {@code form_post} for the signed-in user (as
 * an existing Entra session does, without a login page), the token endpoint (authorization code with PKCE and the
 * client secret; client credentials for Graph), ID tokens with tid, oid, pairwise sub, preferred_username, groups or
 * the overage claims, and Graph's {@code transitiveMemberOf} in pages.
 */
final class EntraDouble implements AutoCloseable {
    /** A user of a tenant, with the groups Graph knows (id → display name) and whether a token would overflow. */
    record User(String tenant, String oid, String upn, String name, Map<String, String> groups, boolean overage) {}

    private record Grant(User user, String nonce, String challenge, String clientId) {}

    private final TokenMint mint = new TokenMint();
    private final HttpServer server;
    private final String base;
    private final AtomicReference<User> signedIn = new AtomicReference<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** What Graph answers next instead of the groups: "403", or nothing. */
    final AtomicReference<String> graphMode = new AtomicReference<>("");

    EntraDouble() {
        int port = Integer.parseInt(It.property("gatehouse.it.entra.port"));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " for the Entra double", e);
        }
        base = "http://127.0.0.1:" + port;
        // as Entra's common key set does, the key names the issuer it signs for
        mint.keyIssuer = base + "/{tenantid}/v2.0";
        server.createContext("/", this::handle);
        server.start();
    }

    /** Registers an app (client ID and secret) and signs this user in at Entra for the next authorization. */
    void app(String clientId, String secret) {
        secrets.put(clientId, secret);
    }

    void signIn(User user) {
        users.put(user.oid(), user);
        signedIn.set(user);
    }

    /** Entra rolls its signing key: the key set serves only a new key from now on. */
    void rotateKeys() {
        mint.rotate("rolled-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (path.endsWith("/v2.0/.well-known/openid-configuration")) {
                json(exchange, 200, discovery(parts[1]));
            } else if (path.equals("/common/discovery/v2.0/keys")) {
                json(exchange, 200, mint.jwks());
            } else if (path.endsWith("/oauth2/v2.0/authorize")) {
                authorize(exchange, FormData.parse(exchange.getRequestURI().getRawQuery()));
            } else if (path.endsWith("/oauth2/v2.0/token")) {
                token(
                        exchange,
                        parts[1],
                        FormData.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } else if (path.startsWith("/graph/v1.0/users/")
                    && path.endsWith("/transitiveMemberOf/microsoft.graph.group")) {
                graph(exchange, parts[4]);
            } else {
                json(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private String discovery(String tenant) {
        String issuer = base + "/" + ("organizations".equals(tenant) ? "{tenantid}" : tenant) + "/v2.0";
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base + "/" + tenant
                + "/oauth2/v2.0/authorize\",\"token_endpoint\":\"" + base + "/" + tenant
                + "/oauth2/v2.0/token\",\"jwks_uri\":\"" + base
                + "/common/discovery/v2.0/keys\",\"end_session_endpoint\":\""
                + base + "/" + tenant + "/oauth2/v2.0/logout\",\"response_modes_supported\":[\"query\",\"fragment\","
                + "\"form_post\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],\"tenant_region_scope\":\"EU\"}";
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        User user = signedIn.get();
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, query.get("nonce"), query.get("code_challenge"), query.get("client_id")));
        Map<String, String> answer = new HashMap<>();
        answer.put("state", query.get("state"));
        String responseType = query.get("response_type");
        if (responseType.contains("code")) {
            answer.put("code", code);
        }
        if (responseType.contains("id_token")) {
            answer.put(
                    "id_token",
                    idToken(
                            user,
                            query.get("client_id"),
                            query.get("nonce"),
                            responseType.contains("code") ? code : null));
        }
        String fields = answer.entrySet().stream()
                .map(e -> "<input type=\"hidden\" name=\"" + e.getKey() + "\" value=\"" + e.getValue() + "\">")
                .collect(Collectors.joining());
        String page = "<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                + query.get("redirect_uri") + "\">" + fields + "<noscript><button>Continue</button></noscript></form>"
                + "</body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void token(HttpExchange exchange, String tenant, Map<String, String> form) throws IOException {
        String clientId = form.get("client_id");
        if (!form.getOrDefault("client_secret", "").equals(secrets.get(clientId))) {
            json(
                    exchange,
                    401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
            return;
        }
        if ("client_credentials".equals(form.get("grant_type"))) {
            json(
                    exchange,
                    200,
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-" + tenant + "\"}");
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null
                || !grant.clientId().equals(clientId)
                || !s256(form.get("code_verifier")).equals(grant.challenge())) {
            json(
                    exchange,
                    400,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The provided authorization code or refresh token has expired or was already used.\"}");
            return;
        }
        json(
                exchange,
                200,
                "{\"token_type\":\"Bearer\",\"scope\":\"openid profile email\",\"expires_in\":3599,"
                        + "\"access_token\":\"at-" + UUID.randomUUID() + "\",\"id_token\":\""
                        + idToken(grant.user(), clientId, grant.nonce(), null) + "\"}");
    }

    private String idToken(User user, String clientId, String nonce, String code) {
        JWTClaimsSet.Builder claims = mint.claims(user.tenant(), nonce, Instant.now())
                .issuer(base + "/" + user.tenant() + "/v2.0")
                .audience(clientId)
                .subject("pairwise-" + user.oid().substring(0, 8))
                .claim("oid", user.oid())
                .claim("preferred_username", user.upn())
                .claim("name", user.name());
        if (user.overage()) {
            claims.claim("groups", null)
                    .claim("_claim_names", Map.of("groups", "src1"))
                    .claim(
                            "_claim_sources",
                            Map.of(
                                    "src1",
                                    Map.of(
                                            "endpoint",
                                            "https://graph.windows.net/" + user.tenant() + "/users/" + user.oid()
                                                    + "/getMemberObjects")));
        } else {
            claims.claim("groups", List.copyOf(user.groups().keySet()));
        }
        if (code != null) {
            claims.claim("c_hash", leftHalfSha256(code));
        }
        return mint.sign(claims.build());
    }

    private void graph(HttpExchange exchange, String oid) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        User user = users.get(oid);
        if (user == null || !auth.equals("Bearer graph-" + user.tenant())) {
            json(exchange, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
            return;
        }
        if ("403".equals(graphMode.get())) {
            json(
                    exchange,
                    403,
                    "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\"}}");
            return;
        }
        // two groups a page, as Graph pages with $top; the skip token is the index of the next page's first group
        List<Map.Entry<String, String>> all = List.copyOf(user.groups().entrySet());
        String raw = exchange.getRequestURI().getRawQuery();
        int from = raw != null && raw.contains("$skiptoken=")
                ? Integer.parseInt(raw.replaceAll(".*\\$skiptoken=(\\d+).*", "$1"))
                : 0;
        int to = Math.min(all.size(), from + 2);
        String values = all.subList(from, to).stream()
                .map(e -> "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"" + e.getKey() + "\",\"displayName\":\""
                        + e.getValue() + "\"}")
                .collect(Collectors.joining(","));
        String next = to < all.size()
                ? ",\"@odata.nextLink\":\"" + base + "/graph/v1.0/users/" + oid
                        + "/transitiveMemberOf/microsoft.graph.group?$select=id,displayName&$skiptoken=" + to + "\""
                : "";
        json(
                exchange,
                200,
                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)\","
                        + "\"value\":[" + values + "]" + next + "}");
    }

    private static String s256(String verifier) {
        return verifier == null ? "" : Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static String leftHalfSha256(String value) {
        byte[] hash = sha256(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
