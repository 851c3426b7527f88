package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One lifecycle for the secrets Gatehouse issues (SCIM tokens, API tokens, app passwords): shown once, refused when
 * wrong, revoked or expired, extended, reset, revoked with their user's access; and the expiring-credentials view.
 */
abstract class CredentialChecks {
    final Http admin = Http.admin();
    final String suffix = AdminApiChecks.suffix();

    String adminId() {
        return admin.get("/api/v1/sites/default/users?size=500").object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getString("login").equals("admin"))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    JsonObject issue(String user, String kind, String body) {
        Http.Response response = admin.json("POST", "/api/v1/sites/default/users/" + user + "/" + kind, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        It.secret(response.object().getString("secret"));
        return response.object();
    }

    List<JsonObject> credentials() {
        return admin.get("/api/v1/sites/default/credentials?revoked=true").array().stream()
                .map(JsonObject.class::cast)
                .toList();
    }

    JsonObject credential(String id) {
        return credentials().stream()
                .filter(c -> c.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anApiTokenActsAsItsAdministratorWithoutAPasswordAndDiesWhenRevoked() {
        JsonObject issued = issue(adminId(), "api-tokens", "{\"name\":\"ci " + suffix + "\"}");
        String token = issued.getString("secret");
        assertThat(token).startsWith("gha_").hasSize(69);
        Http bearer = Http.authorized("Bearer " + token);

        assertThat(bearer.get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(bearer.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"token " + suffix + "\"}")
                        .status())
                .isEqualTo(201);
        char last = token.charAt(token.length() - 1);
        assertThat(Http.authorized("Bearer " + token.substring(0, 68) + (last == 'A' ? 'B' : 'A'))
                        .get("/api/v1/sites")
                        .status())
                .isEqualTo(401);
        assertThat(admin.delete("/api/v1/sites/default/credentials/" + issued.getString("id"))
                        .status())
                .isEqualTo(204);
        assertThat(bearer.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(credential(issued.getString("id")).getString("state")).isEqualTo("REVOKED");
    }

    @Test
    void onlyAdministratorsGetApiTokens() {
        String user = StorageFixture.ok(admin.json(
                        "POST",
                        "/api/v1/sites/default/users",
                        "{\"login\":\"plain." + suffix + "\",\"displayName\":\"Plain\"}"))
                .object()
                .getString("id");
        Http.Response refused =
                admin.json("POST", "/api/v1/sites/default/users/" + user + "/api-tokens", "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("user").contains("administrators");
    }

    @Test
    void fileClientsSignInWithAnAppPasswordThatDiesWhenTheUserMovesToAnotherMethod() {
        StorageFixture storage = new StorageFixture().create();
        String login = "alice." + storage.suffix;
        JsonObject issued = issue(storage.alice, "app-passwords", "{\"name\":\"WinSCP\"}");
        String appPassword = issued.getString("secret");
        assertThat(appPassword).startsWith("ghp_");
        assertThat(issued.getString("login")).isEqualTo(login);

        JsonObject allowed = storage.authenticate(login, appPassword);
        assertThat(allowed.getBoolean("allowed")).isTrue();
        assertThat(allowed.getString("user")).isEqualTo(storage.alice);
        assertThat(allowed.getJsonArray("groups").stream()
                        .map(g -> g.asJsonObject().getString("name")))
                .as("direct and nested groups")
                .contains("Interns " + storage.suffix, "Finance " + storage.suffix);
        JsonObject wrong = storage.authenticate(login, appPassword.substring(0, 68) + "x");
        assertThat(wrong.getBoolean("allowed")).isFalse();
        assertThat(wrong.getString("reason")).doesNotContain("app password");
        assertThat(storage.authenticate("bob." + storage.suffix, appPassword).getBoolean("allowed"))
                .as("another user's login with Alice's app password")
                .isFalse();
        assertThat(Http.anonymous().signIn(login, appPassword).status())
                .as("an app password is for file clients, not the browser sign-in")
                .isNotEqualTo(303);

        StorageFixture.ok(
                admin.json("PATCH", "/api/v1/sites/default/users/" + storage.alice, "{\"authMethod\":\"directory\"}"));
        assertThat(storage.authenticate(login, appPassword).getBoolean("allowed"))
                .isFalse();
        assertThat(credential(issued.getString("id")).getString("state")).isEqualTo("REVOKED");
    }

    @Test
    void aUserCreatesAndRevokesTheirOwnAppPasswordAndCannotTouchAnothersOrAnyOnceSignedOut() {
        StorageFixture storage = new StorageFixture().create();
        String login = "alice." + storage.suffix;
        StorageFixture.ok(admin.json(
                "PUT",
                "/api/v1/sites/default/users/" + storage.alice + "/password",
                "{\"password\":\"Nq4!tZ8#pW2$kR6m\"}"));
        String bobs = issue(storage.bob, "app-passwords", "{\"name\":\"Bob's client\"}")
                .getString("id");
        Http browser = Http.anonymous();
        assertThat(browser.signIn(login, "Nq4!tZ8#pW2$kR6m").status()).isEqualTo(303);

        Http.Response page = browser.get("/account");
        assertThat(page.status()).isEqualTo(200);
        Http.Response created = browser.form(
                "/account", java.util.Map.of("_csrf", page.csrfField(), "action", "create", "name", "Cyberduck"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"new-app-password-value\">(ghp_[^<]+)<")
                .matcher(created.body());
        assertThat(shown.find()).as(created.body()).isTrue();
        String appPassword = It.secret(shown.group(1));
        assertThat(storage.authenticate(login, appPassword).getBoolean("allowed"))
                .isTrue();
        assertThat(browser.get("/account").body()).contains("Cyberduck").doesNotContain(appPassword);

        Http.Response foreign = browser.form(
                "/account", java.util.Map.of("_csrf", created.csrfField(), "action", "revoke", "id", bobs));
        assertThat(foreign.status())
                .as("Bob's app password is not Alice's to revoke")
                .isEqualTo(404);
        assertThat(credential(bobs).getString("state")).isEqualTo("VALID");
        Http.Response forged =
                browser.form("/account", java.util.Map.of("_csrf", "forged", "action", "create", "name", "x"));
        assertThat(forged.status()).isEqualTo(403);

        String id = admin.get("/api/v1/sites/default/users/" + storage.alice + "/app-passwords").array().stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("Cyberduck"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        Http.Response revoked =
                browser.form("/account", java.util.Map.of("_csrf", created.csrfField(), "action", "revoke", "id", id));
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(storage.authenticate(login, appPassword).getBoolean("allowed"))
                .isFalse();
        assertThat(Http.anonymous().get("/account").status()).as("signed out").isEqualTo(302);
    }

    @Test
    void theExpiringCredentialsViewListsEveryKindSoonestFirstAndTokensAreExtended() {
        String soon = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        Http.Response created = admin.json(
                "POST",
                "/api/v1/sites/default/scim/tokens",
                "{\"name\":\"Entra soon " + suffix + "\",\"expiresAt\":\"" + soon + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.object().getString("id");
        It.secret(created.object().getString("token"));
        StorageFixture storage = new StorageFixture().create();
        issue(storage.bob, "app-passwords", "{\"name\":\"Cyberduck " + suffix + "\"}");

        List<JsonObject> all = credentials();
        JsonObject token = credential(id);
        assertThat(token.getString("type")).isEqualTo("SCIM_TOKEN");
        assertThat(token.getString("state")).isEqualTo("EXPIRING");
        assertThat(token.getString("expiresOn")).isEqualTo(soon);
        assertThat(token.getString("whenExpired")).contains("provisioning stops");
        assertThat(token.getString("howToRenew")).contains("Secret Token");
        assertThat(all.stream().map(c -> c.getString("type"))).contains("SCIM_TOKEN", "APP_PASSWORD");
        List<String> order = all.stream()
                .filter(c -> !c.isNull("expiresAt"))
                .map(c -> c.getString("expiresAt"))
                .toList();
        assertThat(order).isSorted();

        String later = LocalDate.now(ZoneOffset.UTC).plusDays(200).toString();
        Http.Response extended = admin.json(
                "POST", "/api/v1/sites/default/credentials/" + id + "/extend", "{\"expiresAt\":\"" + later + "\"}");
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(extended.object().getString("state")).isEqualTo("VALID");
        Http.Response past = admin.json(
                "POST", "/api/v1/sites/default/credentials/" + id + "/extend", "{\"expiresAt\":\"2020-01-01\"}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("expiresAt");
        Http.Response garbage =
                admin.json("POST", "/api/v1/sites/default/credentials/" + id + "/extend", "{\"expiresAt\":\"soon\"}");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("expiresAt").contains("2027-12-01");
    }
}
