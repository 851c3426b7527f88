package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entra's provisioning client replayed over HTTP against the deployed application, in both of its dialects, and the
 * SCIM rows of the attack matrix (security.md C1–C6). Request bodies are the ones Microsoft documents for its client.
 */
abstract class ScimChecks {
    static final String USERS = "/scim/v2/default/Users";
    static final String GROUPS = "/scim/v2/default/Groups";

    final Http admin = Http.admin();
    final String suffix = AdminApiChecks.suffix();
    String token;
    Http scim;
    final java.util.Map<String, Integer> sent = new java.util.HashMap<>();

    @BeforeEach
    void token() {
        StorageFixture.ok(admin.json(
                "PUT", "/api/v1/sites/default/scim", "{\"newUserMethod\":\"local\",\"deletePolicy\":\"disable\"}"));
        Http.Response created =
                admin.json("POST", "/api/v1/sites/default/scim/tokens", "{\"name\":\"Entra " + suffix + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        token = It.secret(created.object().getString("token"));
        assertThat(token).startsWith("ghs_").hasSize(69);
        assertThat(created.object().getString("tenantUrl")).isEqualTo(It.baseUrl() + "/scim/v2/default");
        scim = Http.authorized("Bearer " + token);
    }

    Http.Response send(String method, String path, String body) {
        String resource = path.substring("/scim/v2/default/".length()).split("\\?")[0];
        sent.merge(resource, 1, Integer::sum);
        Http.Response response = body == null
                ? ("GET".equals(method) ? scim.get(path) : scim.delete(path))
                : scim.json(method, path, body, "Content-Type", "application/scim+json");
        return response;
    }

    static String filter(String filter) {
        return "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static JsonObject created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        return response.object();
    }

    String userBody(String userName, String externalId, boolean active) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":%s,"displayName":"Alice Smith",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Alice Smith","familyName":"Smith","givenName":"Alice"},
                 "roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance"}}
                """
                .formatted(externalId, userName, active, userName);
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}";
    }

    /** Test Connection, match, create, attribute changes, groups, members, disable, re-enable, hard delete. */
    /** @return the id of the user it provisioned and deleted */
    String replay(boolean newDialect) {
        String userName = "alice." + suffix + (newDialect ? ".n" : ".d") + "@contoso.example";
        String externalId = "alice" + suffix + (newDialect ? "n" : "d");

        // Test Connection (C5): a filter on a random GUID answers 200 with an empty ListResponse
        Http.Response test = send("GET", USERS + filter("id eq \"" + UUID.randomUUID() + "\""), null);
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.object().getInt("totalResults")).isZero();
        assertThat(test.object().getJsonArray("Resources")).isEmpty();

        // match by userName, then create
        JsonObject none = send("GET", USERS + filter("userName eq \"" + userName + "\""), null)
                .object();
        assertThat(none.getInt("totalResults")).isZero();
        JsonObject user = created(send("POST", USERS, userBody(userName, externalId, true)));
        String id = user.getString("id");
        assertThat(user.getString("userName")).isEqualTo(userName);
        assertThat(user.getBoolean("active")).isTrue();
        assertThat(user.getJsonObject("meta").getString("location")).endsWith("/Users/" + id);
        JsonObject found = send("GET", USERS + filter("userName eq \"" + userName.toUpperCase() + "\""), null)
                .object();
        assertThat(found.getInt("totalResults")).isOne();
        assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id"))
                .isEqualTo(id);
        assertThat(send("GET", USERS + filter("externalId eq \"" + externalId + "\""), null)
                        .object()
                        .getInt("totalResults"))
                .isOne();

        // attribute changes
        String changes = newDialect
                ? """
                [{"op":"replace","value":{"name.givenName":"Alicia","displayName":"Alicia Smith",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Research"}},
                 {"op":"add","path":"emails[type eq \\"work\\"].value","value":"alicia.%s@contoso.example"}]
                """
                        .formatted(suffix)
                : """
                [{"op":"Replace","path":"name.givenName","value":"Alicia"},
                 {"op":"Replace","path":"displayName","value":"Alicia Smith"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                  "value":"Research"},
                 {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"alicia.%s@contoso.example"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                  "value":"%s"}]
                """
                        .formatted(suffix, UUID.randomUUID());
        Http.Response patched = send("PATCH", USERS + "/" + id, patch(changes));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonObject admins = admin.get("/api/v1/sites/default/users/" + id).object();
        assertThat(admins.getString("displayName")).isEqualTo("Alicia Smith");
        assertThat(admins.getString("email")).isEqualTo("alicia." + suffix + "@contoso.example");
        assertThat(patched.object()
                        .getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                        .getString("department"))
                .isEqualTo("Research");

        // a group without members, then members added and removed
        JsonObject group = created(send(
                "POST",
                GROUPS,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"externalId\":\"g" + suffix
                        + (newDialect ? "n" : "d") + "\",\"displayName\":\"Finance " + suffix
                        + (newDialect ? " n" : " d")
                        + "\",\"meta\":{\"resourceType\":\"Group\"}}"));
        String groupId = group.getString("id");
        JsonObject groups = send(
                        "GET",
                        GROUPS + filter("displayName eq \"" + group.getString("displayName") + "\"")
                                + "&excludedAttributes=members",
                        null)
                .object();
        assertThat(groups.getInt("totalResults")).isOne();
        assertThat(groups.getJsonArray("Resources").getJsonObject(0).containsKey("members"))
                .isFalse();
        Http.Response add = send(
                "PATCH",
                GROUPS + "/" + groupId,
                patch("[{\"op\":\"" + (newDialect ? "add" : "Add") + "\",\"path\":\"members\",\"value\":[{\"value\":\""
                        + id + "\"}]}]"));
        assertThat(add.status()).as(add.toString()).isEqualTo(204);
        assertThat(members(groupId)).containsExactly(id);
        Http.Response remove = send(
                "PATCH",
                GROUPS + "/" + groupId,
                patch(
                        newDialect
                                ? "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}]"
                                : "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]"));
        assertThat(remove.status()).as(remove.toString()).isEqualTo(204);
        assertThat(members(groupId)).isEmpty();

        // disable: still returned by GET and filters, inactive
        Http.Response disabled = send(
                "PATCH",
                USERS + "/" + id,
                patch(
                        newDialect
                                ? "[{\"op\":\"replace\",\"value\":{\"active\":false}}]"
                                : "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.object().getBoolean("active")).isFalse();
        assertThat(admin.get("/api/v1/sites/default/users/" + id).object().getString("state"))
                .isEqualTo("DISABLED");
        JsonArray stillThere = send("GET", USERS + filter("userName eq \"" + userName + "\""), null)
                .object()
                .getJsonArray("Resources");
        assertThat(stillThere).hasSize(1);
        assertThat(stillThere.getJsonObject(0).getBoolean("active")).isFalse();

        // re-enable
        Http.Response enabled = send(
                "PATCH",
                USERS + "/" + id,
                patch(
                        newDialect
                                ? "[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"
                                : "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]"));
        assertThat(enabled.object().getBoolean("active")).isTrue();

        // hard delete
        assertThat(send("DELETE", USERS + "/" + id, null).status()).isEqualTo(204);
        assertThat(send("GET", USERS + "/" + id, null).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/sites/default/users/" + id).object().getString("state"))
                .isEqualTo("DEPROVISIONED");
        assertThat(send("DELETE", GROUPS + "/" + groupId, null).status()).isEqualTo(204);
        return id;
    }

    List<String> members(String groupId) {
        JsonObject group = send("GET", GROUPS + "/" + groupId, null).object();
        List<String> ids = new ArrayList<>();
        if (group.containsKey("members")) {
            group.getJsonArray("members").forEach(m -> ids.add(m.asJsonObject().getString("value")));
        }
        return ids;
    }

    @Test
    void entrasDefaultDialectIsReplayedInFullAndEveryRequestIsInTheProvisioningLog() {
        String id = replay(false);

        JsonObject ofUser = admin.get("/api/v1/sites/default/scim/log?size=500&resource=Users/" + id)
                .object();
        assertThat(ofUser.getJsonNumber("total").longValue())
                .as("every request to the user's resource is in the log")
                .isEqualTo((long) sent.get("Users/" + id));
        JsonObject log = admin.get("/api/v1/sites/default/scim/log?size=500").object();
        assertThat(log.getJsonArray("items").stream().map(JsonObject.class::cast))
                .anyMatch(e -> e.getString("method").equals("PATCH")
                        && e.getString("changed").contains("active"))
                .anyMatch(e -> e.getString("method").equals("POST") && e.getInt("status") == 201)
                .anyMatch(e -> e.getString("method").equals("DELETE")
                        && e.getString("outcome").startsWith("deleted"));
        assertThat(log.toString()).doesNotContain(token.substring(26));
    }

    @Test
    void entrasAadOptscim062020DialectIsReplayedInFull() {
        replay(true);
    }

    @Test
    void aUserDisabledByScimCannotSignInAndIsDeniedAtOnce() {
        StorageFixture storage = new StorageFixture().create();
        String userName = "carol." + suffix + "@contoso.example";
        String id = created(send("POST", USERS, userBody(userName, "carol" + suffix, true)))
                .getString("id");
        StorageFixture.ok(admin.json(
                "PUT", "/api/v1/sites/default/users/" + id + "/password", "{\"password\":\"Kx7#mQ2!vL9$wR4p\"}"));
        storage.entry(storage.folder, "user:" + id, "READ_WRITE");
        String appPassword = It.secret(StorageFixture.ok(admin.json(
                        "POST", "/api/v1/sites/default/users/" + id + "/app-passwords", "{\"name\":\"WinSCP\"}"))
                .object()
                .getString("secret"));
        assertThat(storage.authenticate(userName, appPassword).getBoolean("allowed"))
                .isTrue();
        Http browser = Http.anonymous();
        assertThat(browser.signIn(userName, "Kx7#mQ2!vL9$wR4p").status()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains(userName);
        assertThat(storage.allowed(id, "read", storage.folder)).isTrue();

        send("PATCH", USERS + "/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"));

        assertThat(storage.allowed(id, "read", storage.folder))
                .as("denied on the very next decision")
                .isFalse();
        assertThat(browser.get("/").body()).as("the session ended").doesNotContain(userName);
        assertThat(Http.anonymous().signIn(userName, "Kx7#mQ2!vL9$wR4p").status())
                .isNotEqualTo(303);
        assertThat(storage.authenticate(userName, appPassword).getBoolean("allowed"))
                .isFalse();
        assertThat(admin.get("/api/v1/sites/default/users/" + id + "/app-passwords").array().stream()
                        .map(JsonObject.class::cast)
                        .map(c -> c.getString("state")))
                .as("the app password is revoked, not only refused while the user is disabled")
                .containsExactly("REVOKED");
        send("PATCH", USERS + "/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]"));
        assertThat(storage.authenticate(userName, appPassword).getBoolean("allowed"))
                .isFalse();
        assertThat(storage.authenticate(userName, "Kx7#mQ2!vL9$wR4p").getBoolean("allowed"))
                .isTrue();
    }

    @Test
    void tokensAreCheckedMissingWrongRevokedOrInTheQueryString() {
        long logged = admin.get("/api/v1/sites/default/scim/log?size=1")
                .object()
                .getJsonNumber("total")
                .longValue();
        assertThat(Http.anonymous().get(USERS).status()).isEqualTo(401);
        assertThat(Http.anonymous().get(USERS).header("WWW-Authenticate")).startsWith("Bearer");
        char last = token.charAt(token.length() - 1);
        String wrong = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(Http.authorized("Bearer " + wrong).get(USERS).status()).isEqualTo(401);
        assertThat(Http.anonymous().get(USERS + "?access_token=" + token).status())
                .isEqualTo(401);
        assertThat(scim.get(USERS + "?access_token=" + token).status()).isEqualTo(401);
        assertThat(Http.admin().get(USERS).status())
                .as("an administrator's password is no SCIM token")
                .isEqualTo(401);
        assertThat(admin.get("/api/v1/sites/default/scim/log?size=1")
                        .object()
                        .getJsonNumber("total")
                        .longValue())
                .as("requests without a valid token write no provisioning-log rows")
                .isEqualTo(logged);
        assertThat(Http.basic(token.substring(0, 26), token.substring(26))
                        .get(USERS)
                        .status())
                .as("the same token as HTTP Basic")
                .isEqualTo(200);

        String id = admin.get("/api/v1/sites/default/credentials").array().stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("Entra " + suffix))
                .findFirst()
                .orElseThrow()
                .getString("id");
        JsonObject reset = admin.json("POST", "/api/v1/sites/default/credentials/" + id + "/reset", "")
                .object();
        assertThat(scim.get(USERS).status()).as("the old secret dies at once").isEqualTo(401);
        Http renewed = Http.authorized("Bearer " + It.secret(reset.getString("secret")));
        assertThat(renewed.get(USERS).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/sites/default/credentials/" + id).status())
                .isEqualTo(204);
        assertThat(renewed.get(USERS).status()).isEqualTo(401);
    }

    @Test
    void badFiltersHugeCountsAndOversizedBodiesAreRefusedOrClamped() throws java.io.IOException {
        Http.Response invalid = send("GET", USERS + filter("userName xx \"a\""), null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.object().getString("scimType")).isEqualTo("invalidFilter");
        Http.Response deep = send("GET", USERS + filter("(".repeat(40) + "userName eq \"a\"" + ")".repeat(40)), null);
        assertThat(deep.object().getString("scimType")).isEqualTo("invalidFilter");
        JsonObject clamped = send("GET", USERS + "?count=100000000", null).object();
        assertThat(clamped.getInt("itemsPerPage")).isLessThanOrEqualTo(1000);
        assertThat(statusLineOfAnnouncedBody(3 * 1024 * 1024)).contains(" 413 ");
        Http.Response noName = send("POST", USERS, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.object().getString("detail")).contains("userName");
    }

    /**
     * Announces a body of {@code bytes} and sends only its first byte: the answer must come before the body (a client
     * would otherwise have to push megabytes that are refused anyway).
     */
    String statusLineOfAnnouncedBody(int bytes) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", It.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + USERS + " HTTP/1.1\r\nHost: 127.0.0.1:" + It.port() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + bytes
                    + "\r\nConnection: close\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void twoSimultaneousCreatesWithOneExternalIdMakeOneUser() throws Exception {
        for (int round = 0; round < 3; round++) {
            String externalId = "twin" + suffix + round;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Http.Response>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String body = userBody("twin" + i + "." + round + "." + suffix + "@contoso.example", externalId, true);
                posts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Http.authorized("Bearer " + token)
                            .json("POST", USERS, body, "Content-Type", "application/scim+json");
                }));
            }
            start.countDown();
            List<Integer> statuses =
                    posts.stream().map(f -> f.join().status()).sorted().toList();
            assertThat(statuses).as("round " + round).containsExactly(201, 409);
            Http.Response conflict = posts.stream()
                    .map(CompletableFuture::join)
                    .filter(r -> r.status() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(conflict.object().getString("scimType")).isEqualTo("uniqueness");
            assertThat(send("GET", USERS + filter("externalId eq \"" + externalId + "\""), null)
                            .object()
                            .getInt("totalResults"))
                    .isOne();
        }
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        JsonObject user =
                created(send("POST", USERS, userBody("dave." + suffix + "@contoso.example", "dave" + suffix, true)));
        String version = user.getJsonObject("meta").getString("version");
        String id = user.getString("id");
        Http.Response changed = scim.json(
                "PATCH",
                USERS + "/" + id,
                patch("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Dave\"}]"),
                "If-Match",
                version);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(version);
        Http.Response stale = scim.json(
                "PATCH",
                USERS + "/" + id,
                patch("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"David\"}]"),
                "If-Match",
                version);
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void discoveryDocumentsDescribeWhatIsSupported() {
        JsonObject config =
                send("GET", "/scim/v2/default/ServiceProviderConfig", null).object();
        assertThat(config.getJsonObject("patch").getBoolean("supported")).isTrue();
        assertThat(config.getJsonObject("etag").getBoolean("supported")).isTrue();
        assertThat(send("GET", "/scim/v2/default/ResourceTypes", null).object().getInt("totalResults"))
                .isEqualTo(2);
        assertThat(send("GET", "/scim/v2/default/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null)
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", "/scim/v2/nosuchsite/Users", null).status()).isEqualTo(404);
    }
}
