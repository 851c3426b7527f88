package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestKeys;
import dev.gatehouse.sso.saml.TestMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weaknesses an outside review reproduced against the running bundle, each checked over HTTP: tenant binding,
 * metadata fetching (deadline, one message for every failure, no trust downgrade), sign-in budgets, bounded refusal
 * audit, limits that answer 4xx, and free-text and login rules.
 */
abstract class HardeningChecks {
    private final Http admin = Http.admin();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<byte[]> metadata = new AtomicReference<>();
    private HttpServer idp;

    @BeforeEach
    void startMetadataServer() throws Exception {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/federationmetadata.xml", exchange -> {
            byte[] body = metadata.get();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        idp.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (Exception e) {
                // Gatehouse hung up, as it should
            }
        });
        idp.setExecutor(Executors.newCachedThreadPool());
        idp.start();
    }

    @AfterEach
    void stopMetadataServer() {
        idp.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + path;
    }

    private Http.Response createProvider(String name, JsonObjectBuilder settings) {
        return admin.json(
                "POST",
                "/api/v1/sites/default/providers",
                Json.createObjectBuilder()
                        .add("displayName", name + " " + suffix)
                        .add("kind", "saml")
                        .add("settings", settings)
                        .build()
                        .toString());
    }

    private JsonObject metadataProvider() {
        return StorageFixture.ok(createProvider(
                        "Hardening metadata",
                        Json.createObjectBuilder()
                                .add("trust", "METADATA_XML")
                                .add("metadataXml", TestMetadata.xml(List.of("idp"), "https://login.example/sso"))
                                .add("justInTime", true)
                                .add("allowIdpInitiated", true)))
                .object();
    }

    @Test
    void aProviderOfAnotherTenantCannotSignInAnIdentityOfTheFirstTenant() throws Exception {
        String otherTenant = UUID.randomUUID().toString();
        String otherIssuer = "https://sts.windows.net/" + otherTenant + "/";
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(TestKeys.certificate("idp").getEncoded()));
        JsonObject provider = StorageFixture.ok(createProvider(
                        "Other tenant",
                        Json.createObjectBuilder()
                                .add("trust", "CERTIFICATE_FINGERPRINT")
                                .add("certificateSha256", sha256)
                                .add("idpEntityId", otherIssuer)
                                .add("ssoUrl", "https://login.example/sso")
                                .add("allowIdpInitiated", true)
                                .add("justInTime", true)))
                .object();
        EntraResponses squatter = new EntraResponses(provider.getString("entityId"), provider.getString("acsUrl"));
        squatter.issuer = otherIssuer;
        squatter.responseIssuer = otherIssuer;
        squatter.nameId = "squatter." + suffix + "@contoso.example";
        // the claims name the first tenant, whose identities this provider does not vouch for
        squatter.attributes.put(EntraResponses.CLAIMS + "tenantid", List.of(EntraResponses.TENANT));
        squatter.attributes.put(
                EntraResponses.CLAIMS + "objectidentifier",
                List.of(UUID.randomUUID().toString()));
        squatter.attributes.put(EntraResponses.WS_CLAIMS + "name", List.of(squatter.nameId));

        Http.Response answer = Http.anonymous()
                .form("/saml/" + provider.getString("id") + "/acs", Map.of("SAMLResponse", squatter.signedAssertion()));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/sites/default/users?size=500").body()).doesNotContain(squatter.nameId);
    }

    @Test
    void savingAMetadataUrlThatTricklesAnswersWithinTheDeadline() {
        long started = System.nanoTime();
        Http.Response answer = createProvider(
                "Trickle",
                Json.createObjectBuilder().add("trust", "METADATA_URL").add("metadataUrl", url("/trickle")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aClosedPortAndAnOpenServiceGetTheSameAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        Http.Response toClosedPort = createProvider(
                "Closed",
                Json.createObjectBuilder()
                        .add("trust", "METADATA_URL")
                        .add("metadataUrl", "http://127.0.0.1:" + closed + "/federationmetadata.xml"));
        Http.Response toOpenService = createProvider(
                "Open", Json.createObjectBuilder().add("trust", "METADATA_URL").add("metadataUrl", url("/missing")));
        assertThat(toClosedPort.status()).isEqualTo(400);
        assertThat(toOpenService.status()).isEqualTo(400);
        assertThat(toClosedPort.object().getJsonArray("errors"))
                .isEqualTo(toOpenService.object().getJsonArray("errors"));
    }

    @Test
    void aRefreshCannotSwapTheKeyByDroppingTheSignatureButARetrustCan() {
        String sso = "https://login.example/sso";
        metadata.set(TestMetadata.signed(TestMetadata.xml(List.of("idp"), sso), "idp"));
        JsonObject provider = StorageFixture.ok(createProvider(
                        "Signed metadata",
                        Json.createObjectBuilder()
                                .add("trust", "METADATA_URL")
                                .add("metadataUrl", url("/federationmetadata.xml"))))
                .object();
        String refresh = "/api/v1/sites/default/providers/" + provider.getString("id") + "/metadata/refresh";
        String fetchedAt = provider.getString("metadataFetchedAt");

        metadata.set(TestMetadata.xml(List.of("attacker"), sso).getBytes(StandardCharsets.UTF_8));
        JsonObject refused = StorageFixture.ok(admin.json("POST", refresh, "")).object();
        assertThat(refused.getOrDefault("metadataError", JsonValue.NULL)).isNotEqualTo(JsonValue.NULL);
        assertThat(refused.getString("metadataFetchedAt")).isEqualTo(fetchedAt);

        JsonObject retrusted = StorageFixture.ok(admin.json("POST", refresh + "?retrust=true", ""))
                .object();
        assertThat(retrusted.getOrDefault("metadataError", JsonValue.NULL)).isEqualTo(JsonValue.NULL);
        assertThat(admin.get("/api/v1/audit?site=default&type=SAML_METADATA_RETRUSTED&size=50")
                        .body())
                .contains("provider:" + provider.getString("id"));
    }

    @Test
    void oneAddressCannotKeepMoreThanItsBudgetOfSignInsOpen() {
        String login = "/saml/" + metadataProvider().getString("id") + "/login";
        Http browser = Http.anonymous();
        int started = 0;
        Http.Response last = null;
        for (int i = 0; i < 60; i++) {
            last = browser.get(login);
            if (last.status() != 302) {
                break;
            }
            started++;
        }
        assertThat(started).isBetween(1, 50);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
    }

    @Test
    void aFloodOfForgedAssertionsCostsABoundedNumberOfAuditRows() {
        JsonObject provider = metadataProvider();
        String actor = "sso:" + provider.getString("id");
        Http attacker = Http.anonymous();
        for (int i = 0; i < 300; i++) {
            attacker.form(
                    "/saml/" + provider.getString("id") + "/acs", Map.of("SAMLResponse", "PHNhbWxwOlJlc3BvbnNlLz4="));
        }
        sleep(2000);
        long rows =
                admin
                        .get("/api/v1/audit?site=default&type=LOGIN_FAILED&size=500")
                        .object()
                        .getJsonArray("items")
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .filter(event -> actor.equals(event.getString("actor")))
                        .count();
        assertThat(rows).isBetween(1L, 150L);
    }

    @Test
    void limitsAnswerFourHundredsNamingTheField() {
        Http.Response hugeQuota = admin.json(
                "PUT",
                "/api/v1/sites/default/storage/quotas",
                "{\"grantee\":\"user:" + UUID.randomUUID() + "\",\"bytes\":9223372036854775808}");
        assertThat(hugeQuota.status()).isEqualTo(400);
        assertThat(hugeQuota.body()).contains("bytes");

        Http.Response deep =
                admin.json("POST", "/api/v1/sites", "{\"slug\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}");
        assertThat(deep.status()).isEqualTo(400);
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() throws Exception {
        byte[] prefix = ("{\"login\":\"utf8." + suffix + "\",\"displayName\":\"Bad ").getBytes(StandardCharsets.UTF_8);
        byte[] rest = "\",\"password\":\"a long passphrase here\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + rest.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(rest, 0, body, prefix.length + 2, rest.length);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(It.baseUrl() + "/api/v1/sites/default/users"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("admin:" + It.adminPassword())
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("UTF-8");
    }

    @Test
    void loginsThatPassForOthersAndNamesWithBidiControlsAreRefused() {
        Http.Response confusable = admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"\\u0430dmin" + suffix + "\",\"displayName\":\"Not the admin\","
                        + "\"password\":\"a long passphrase here\"}");
        assertThat(confusable.status()).isEqualTo(400);
        assertThat(confusable.body()).contains("login");

        Http.Response bidi = admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"bidi." + suffix + "\",\"displayName\":\"Invoice\\u202Efdp.exe\","
                        + "\"password\":\"a long passphrase here\"}");
        assertThat(bidi.status()).isEqualTo(400);
        assertThat(bidi.body()).contains("displayName");
    }

    @Test
    void providerBodiesTakeRealSizedFederationMetadata() {
        // federation metadata as large as Entra's (70 KB and more)
        String xml = TestMetadata.xml(List.of("idp", "idp-rollover"), "https://login.example/sso") + "<!--"
                + "x".repeat(100_000) + "-->";
        Http.Response created = createProvider(
                "Large metadata",
                Json.createObjectBuilder().add("trust", "METADATA_XML").add("metadataXml", xml));
        assertThat(created.status()).isEqualTo(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
