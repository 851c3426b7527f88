package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestMetadata;
import dev.gatehouse.sso.saml.engine.RedirectBinding;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SAML sign-in over HTTP against the deployed Gatehouse, with responses signed by the test IdP key: SP-initiated and
 * IdP-initiated login, relay state to a child site, replay, just-in-time users with Entra groups, renamed users.
 */
abstract class SamlChecks {
    private final Http admin = Http.admin();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String child = "saml-" + suffix;
    private final String providerId;
    private final String acs;
    private final String entityId;

    SamlChecks() {
        StorageFixture.ok(admin.json(
                "POST",
                "/api/v1/sites",
                "{\"slug\":\"" + child + "\",\"displayName\":\"SAML child " + suffix + "\",\"parent\":\"default\"}"));
        String metadata = TestMetadata.xml(List.of("idp", "idp-rollover"), "https://login.example/sso");
        JsonObject settings = Json.createObjectBuilder()
                .add("trust", "METADATA_XML")
                .add("metadataXml", metadata)
                .add("allowIdpInitiated", true)
                .add("justInTime", true)
                .build();
        JsonObject created = StorageFixture.ok(admin.json(
                        "POST",
                        "/api/v1/sites/default/providers",
                        Json.createObjectBuilder()
                                .add("displayName", "Entra " + suffix)
                                .add("kind", "saml")
                                .add("settings", settings)
                                .build()
                                .toString()))
                .object();
        providerId = created.getString("id");
        acs = created.getString("acsUrl");
        entityId = created.getString("entityId");
    }

    private EntraResponses entra(String oid, String upn) {
        EntraResponses entra = new EntraResponses(entityId, acs);
        entra.nameId = upn;
        entra.attributes.put(EntraResponses.CLAIMS + "objectidentifier", List.of(oid));
        entra.attributes.put(EntraResponses.WS_CLAIMS + "name", List.of(upn));
        entra.attributes.put(EntraResponses.WS_CLAIMS + "emailaddress", List.of(upn));
        return entra;
    }

    private Http.Response post(Http browser, String response, String relayState) {
        return relayState == null
                ? browser.form("/saml/" + providerId + "/acs", Map.of("SAMLResponse", response))
                : browser.form(
                        "/saml/" + providerId + "/acs", Map.of("SAMLResponse", response, "RelayState", relayState));
    }

    @Test
    void spInitiatedLoginLandsOnTheRequestedChildSiteAndCannotBeReplayed() {
        Http browser = Http.anonymous();
        Http.Response login = browser.get("/saml/" + providerId + "/login?target=%2F%3Fsite%3D" + child);
        assertThat(login.status()).isEqualTo(302);
        String location = login.header("Location");
        assertThat(location).startsWith("https://login.example/sso?SAMLRequest=");
        String authnRequest = RedirectBinding.receive(location.substring(location.indexOf('?') + 1))
                .xml();
        Matcher id = Pattern.compile(" ID=\"([^\"]+)\"").matcher(authnRequest);
        assertThat(id.find()).isTrue();
        assertThat(id.group(1)).startsWith("_");
        assertThat(authnRequest)
                .doesNotContain("RequestedAuthnContext")
                .contains(entityId)
                .contains(acs);

        String oid = UUID.randomUUID().toString();
        EntraResponses entra = entra(oid, "sp." + suffix + "@contoso.example");
        entra.inResponseTo = id.group(1);
        String response = entra.signedAssertion();
        Http.Response signedIn = post(browser, response, null);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/?site=" + child);
        assertThat(browser.get("/?site=" + child).body()).contains("sp." + suffix + "@contoso.example");

        Http.Response replay = post(Http.anonymous(), response, null);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");
    }

    @Test
    void idpInitiatedLoginFollowsTheRelayStateButNeverOffSite() {
        Http toChild = Http.anonymous();
        Http.Response landed = post(
                toChild,
                entra(UUID.randomUUID().toString(), "idp." + suffix + "@contoso.example")
                        .signedAssertion(),
                child);
        assertThat(landed.status()).as(landed.body()).isEqualTo(303);
        assertThat(landed.header("Location")).endsWith("/?site=" + child);

        for (String hostile :
                List.of("https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)")) {
            Http browser = Http.anonymous();
            Http.Response response = post(
                    browser,
                    entra(
                                    UUID.randomUUID().toString(),
                                    "r" + UUID.randomUUID().toString().substring(0, 6) + "@c.example")
                            .signedAssertion(),
                    hostile);
            assertThat(response.status()).isEqualTo(303);
            assertThat(response.header("Location")).as(hostile).endsWith("/?site=default");
        }
    }

    @Test
    void justInTimeUserGetsEntraGroupsAndARenameKeepsTheSameUser() {
        String oid = UUID.randomUUID().toString();
        String group = UUID.randomUUID().toString();
        EntraResponses first = entra(oid, "jit." + suffix + "@contoso.example");
        first.attributes.put(EntraResponses.GROUPS, List.of(group));
        assertThat(post(Http.anonymous(), first.signedAssertion(), null).status())
                .isEqualTo(303);

        JsonObject user = findUser("jit." + suffix + "@contoso.example");
        assertThat(user.getString("authMethod")).isEqualTo("sso:" + providerId);
        JsonArray groups =
                admin.get("/api/v1/sites/default/groups?size=500").object().getJsonArray("items");
        assertThat(groups.toString()).contains(group);
        JsonObject named = StorageFixture.ok(admin.json(
                        "PUT", "/api/v1/sites/default/entra-groups/" + group, "{\"name\":\"Sales " + suffix + "\"}"))
                .object();
        assertThat(named.getString("name")).isEqualTo("Sales " + suffix);
        assertThat(admin.get("/api/v1/sites/default/groups?size=500").body()).contains("Sales " + suffix);

        EntraResponses renamed = entra(oid, "jit.renamed." + suffix + "@contoso.example");
        assertThat(post(Http.anonymous(), renamed.signedAssertion(), null).status())
                .isEqualTo(303);
        JsonObject after = findUser("jit.renamed." + suffix + "@contoso.example");
        assertThat(after.getString("id")).isEqualTo(user.getString("id"));

        StorageFixture.ok(admin.json(
                "PATCH", "/api/v1/sites/default/users/" + user.getString("id"), "{\"authMethod\":\"local\"}"));
        Http.Response otherMethod = post(
                Http.anonymous(),
                entra(oid, "jit.renamed." + suffix + "@contoso.example").signedAssertion(),
                null);
        assertThat(otherMethod.status()).isEqualTo(403);
        assertThat(otherMethod.body()).contains("signs in another way");
    }

    @Test
    void simultaneousFirstSignInsOfOneIdentityMakeOneUser() throws Exception {
        String oid = UUID.randomUUID().toString();
        String login = "together." + suffix + "@contoso.example";
        List<String> responses = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> entra(oid, login).signedAssertion())
                .toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = responses.stream()
                    .map(response -> pool.submit(() -> {
                        start.await();
                        return post(Http.anonymous(), response, null).status();
                    }))
                    .toList();
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(findUser(login).getString("authMethod")).isEqualTo("sso:" + providerId);
    }

    @Test
    void certificateFingerprintTrustAcceptsThePinnedCertificateOnly() throws Exception {
        String sha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(dev.gatehouse.sso.saml.TestKeys.certificate("idp")
                                .getEncoded()));
        JsonObject pinned = StorageFixture.ok(admin.json(
                        "POST",
                        "/api/v1/sites/default/providers",
                        Json.createObjectBuilder()
                                .add("displayName", "Pinned " + suffix)
                                .add("kind", "saml")
                                .add(
                                        "settings",
                                        Json.createObjectBuilder()
                                                .add("trust", "CERTIFICATE_FINGERPRINT")
                                                .add("certificateSha256", sha256)
                                                .add("idpEntityId", EntraResponses.ISSUER)
                                                .add("ssoUrl", "https://login.example/sso")
                                                .add("allowIdpInitiated", true)
                                                .add("justInTime", true))
                                .build()
                                .toString()))
                .object();
        String acsPath = "/saml/" + pinned.getString("id") + "/acs";
        EntraResponses entra = new EntraResponses(pinned.getString("entityId"), pinned.getString("acsUrl"));
        entra.nameId = "pinned." + suffix + "@contoso.example";
        entra.attributes.put(
                EntraResponses.CLAIMS + "objectidentifier",
                List.of(UUID.randomUUID().toString()));
        entra.attributes.put(EntraResponses.WS_CLAIMS + "name", List.of(entra.nameId));
        assertThat(Http.anonymous()
                        .form(acsPath, Map.of("SAMLResponse", entra.signedAssertion()))
                        .status())
                .isEqualTo(303);

        entra.assertionId = "_" + UUID.randomUUID();
        org.w3c.dom.Document forged = entra.document();
        EntraResponses.sign(EntraResponses.assertion(forged), "attacker");
        assertThat(Http.anonymous()
                        .form(acsPath, Map.of("SAMLResponse", EntraResponses.encode(forged)))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void forgedResponseShowsAPageAndIsAudited() {
        Http.Response forged = post(Http.anonymous(), "PHNhbWxwOlJlc3BvbnNlLz4=", null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("Sign-in did not work");
        // refused messages are audited asynchronously and rate-limited: the row arrives within a second
        String audit = "";
        for (int i = 0; i < 50 && !audit.contains("sso:" + providerId); i++) {
            sleep(100);
            audit = admin.get("/api/v1/audit?site=default&type=LOGIN_FAILED&size=500")
                    .body();
        }
        assertThat(audit).contains("sso:" + providerId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void spMetadataAndLoginButton() {
        Http.Response metadata = Http.anonymous().get("/saml/" + providerId + "/metadata");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body()).contains("entityID=\"" + entityId + "\"").contains(acs);
        assertThat(Http.anonymous().get("/login?site=" + child).body())
                .contains("Sign in with Entra " + suffix)
                .contains("/saml/" + providerId + "/login?target=");
    }

    @Test
    void badProviderSettingsNameTheField() {
        Http.Response response = admin.json(
                "POST",
                "/api/v1/sites/default/providers",
                "{\"displayName\":\"x\",\"kind\":\"saml\",\"settings\":{\"trust\":\"METADATA_XML\","
                        + "\"metadataXml\":\"<html/>\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("settings.metadataXml").contains("not SAML 2.0 metadata");

        Http.Response wrongType = admin.json(
                "POST",
                "/api/v1/sites/default/providers",
                "{\"displayName\":\"x\",\"kind\":\"saml\",\"settings\":{\"trust\":\"METADATA_URL\","
                        + "\"metadataUrl\":\"https://login.example/m.xml\",\"allowSha1\":\"yes\",\"color\":1}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("settings.color");
        Http.Response wrongBoolean = admin.json(
                "POST",
                "/api/v1/sites/default/providers",
                "{\"displayName\":\"x\",\"kind\":\"saml\",\"settings\":{\"trust\":\"METADATA_URL\","
                        + "\"metadataUrl\":\"https://login.example/m.xml\",\"allowSha1\":\"yes\"}}");
        assertThat(wrongBoolean.status()).isEqualTo(400);
        assertThat(wrongBoolean.body()).contains("settings.allowSha1").contains("must be true or false");
    }

    @Test
    void metadataUrlOutageKeepsTheLastGoodCopyRaisesAnAlertAndTheSecondSigningKeyWorks() throws Exception {
        com.sun.net.httpserver.HttpServer idp =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] metadata = TestMetadata.signed(
                TestMetadata.xml(List.of("idp", "idp-rollover"), "https://login.example/sso"), "idp");
        idp.createContext("/federationmetadata.xml", exchange -> {
            exchange.sendResponseHeaders(200, metadata.length);
            exchange.getResponseBody().write(metadata);
            exchange.close();
        });
        idp.start();
        JsonObject provider;
        try {
            provider = StorageFixture.ok(admin.json(
                            "POST",
                            "/api/v1/sites/default/providers",
                            Json.createObjectBuilder()
                                    .add("displayName", "Metadata URL " + suffix)
                                    .add("kind", "saml")
                                    .add(
                                            "settings",
                                            Json.createObjectBuilder()
                                                    .add("trust", "METADATA_URL")
                                                    .add(
                                                            "metadataUrl",
                                                            "http://127.0.0.1:"
                                                                    + idp.getAddress()
                                                                            .getPort() + "/federationmetadata.xml")
                                                    .add("allowIdpInitiated", true)
                                                    .add("justInTime", true))
                                    .build()
                                    .toString()))
                    .object();
        } finally {
            idp.stop(0);
        }
        String id = provider.getString("id");
        String fetchedAt = provider.getString("metadataFetchedAt");

        JsonObject refreshed = StorageFixture.ok(
                        admin.json("POST", "/api/v1/sites/default/providers/" + id + "/metadata/refresh", ""))
                .object();
        assertThat(refreshed.getString("metadataError")).contains("cannot be read");
        assertThat(refreshed.getString("metadataFetchedAt")).isEqualTo(fetchedAt);
        assertThat(admin.get("/api/v1/audit?site=default&type=SAML_METADATA_REFRESH_FAILED&size=500")
                        .body())
                .contains("provider:" + id)
                .contains("the last good metadata stays in use");

        EntraResponses entra = new EntraResponses(provider.getString("entityId"), provider.getString("acsUrl"));
        entra.nameId = "rollover." + suffix + "@contoso.example";
        entra.attributes.put(
                EntraResponses.CLAIMS + "objectidentifier",
                List.of(UUID.randomUUID().toString()));
        entra.attributes.put(EntraResponses.WS_CLAIMS + "name", List.of(entra.nameId));
        org.w3c.dom.Document document = entra.document();
        EntraResponses.sign(EntraResponses.assertion(document), "idp-rollover");
        Http.Response signedIn =
                Http.anonymous().form("/saml/" + id + "/acs", Map.of("SAMLResponse", EntraResponses.encode(document)));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    }

    private JsonObject findUser(String login) {
        String encoded = java.net.URLEncoder.encode(login, StandardCharsets.UTF_8);
        Http.Response response = admin.get("/api/v1/sites/default/users?size=500");
        for (var value : response.object().getJsonArray("items")) {
            JsonObject user = value.asJsonObject();
            if (user.getString("login").equals(login)) {
                return user;
            }
        }
        throw new AssertionError("no user " + URLDecoder.decode(encoded, StandardCharsets.UTF_8) + " in " + response);
    }
}
