package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** A site's storage world built through the admin API, and a storage-server client for its decision API. */
final class StorageFixture {
    final Http admin;
    final String suffix = AdminApiChecks.suffix();
    final String folder = "/fin-" + suffix;
    String alice;
    String bob;
    String finance;
    String interns;
    String clientId;
    String clientSecret;
    Http storage;

    /** On the suite's server. */
    StorageFixture() {
        this(Http.admin());
    }

    /** Through {@code admin} (a node of a cluster, say). */
    StorageFixture(Http admin) {
        this.admin = admin;
    }

    /** alice ∈ Interns ∈ Finance; bob in no group; a shared folder; a storage client. */
    StorageFixture create() {
        alice = id(admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"alice." + suffix + "\",\"displayName\":\"Alice\"}"));
        bob = id(admin.json(
                "POST", "/api/v1/sites/default/users", "{\"login\":\"bob." + suffix + "\",\"displayName\":\"Bob\"}"));
        finance = id(admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"Finance " + suffix + "\"}"));
        interns = id(admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"Interns " + suffix + "\"}"));
        ok(admin.json(
                "POST", "/api/v1/sites/default/groups/" + finance + "/members", "{\"group\":\"" + interns + "\"}"));
        ok(admin.json("POST", "/api/v1/sites/default/groups/" + interns + "/members", "{\"user\":\"" + alice + "\"}"));
        ok(admin.json(
                "POST",
                "/api/v1/sites/default/storage/folders",
                "{\"name\":\"Finance " + suffix + "\",\"path\":\"" + folder + "\"}"));
        JsonObject client = admin.json(
                        "POST", "/api/v1/sites/default/storage/clients", "{\"name\":\"nas-" + suffix + "\"}")
                .object();
        clientId = client.getString("id");
        clientSecret = It.secret(client.getString("secret"));
        storage = Http.basic(clientId, clientSecret);
        return this;
    }

    Http.Response entry(String path, String grantee, String right) {
        return entry(admin, path, grantee, right);
    }

    /** Grants through another admin client (another node of a cluster). */
    static Http.Response entry(Http admin, String path, String grantee, String right) {
        return ok(admin.json(
                "PUT",
                "/api/v1/sites/default/storage/entries",
                "{\"path\":\"" + path + "\",\"grantee\":\"" + grantee + "\",\"right\":\"" + right + "\"}"));
    }

    JsonObject decide(String user, String action, String path, long bytes) {
        Http.Response response = storage.json(
                "POST",
                "/api/v1/storage/decisions",
                "{\"user\":\"" + user + "\",\"action\":\"" + action + "\",\"path\":\"" + path + "\",\"bytes\":" + bytes
                        + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.object();
    }

    /** A file client's sign-in, asked by the storage server. */
    JsonObject authenticate(String username, String password) {
        Http.Response response = storage.json(
                "POST",
                "/api/v1/storage/authenticate",
                jakarta.json.Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("clientAddress", "192.0.2.10")
                        .build()
                        .toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.object();
    }

    boolean allowed(String user, String action, String path) {
        return decide(user, action, path, 0).getBoolean("allowed");
    }

    static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
        return response;
    }

    private static String id(Http.Response response) {
        return ok(response).object().getString("id");
    }
}
