package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin REST API: sites, users, groups, the break-glass rule, strict input and problem answers, the audit log. */
abstract class AdminApiChecks {
    private final Http admin = Http.admin();

    @Test
    void refusesCallersWithoutCredentials() {
        Http.Response response = Http.anonymous().get("/api/v1/sites");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"Gatehouse\"");
        assertThat(Http.basic("admin", "wrong password!").get("/api/v1/sites").status())
                .isEqualTo(401);
    }

    @Test
    void createsReadsAndListsAUserAndAuditsIt() {
        String login = "jane." + suffix();
        Http.Response created = admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"" + login + "\",\"displayName\":\"Jane Doe\",\"email\":\"jane@example.com\","
                        + "\"password\":\"a long enough password\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject user = created.object();
        assertThat(user.getString("login")).isEqualTo(login);
        assertThat(user.getString("authMethod")).isEqualTo("local");
        assertThat(user.getBoolean("hasPassword")).isTrue();
        assertThat(created.body()).doesNotContain("a long enough password").doesNotContain("pbkdf2");
        assertThat(created.header("Location")).endsWith("/api/v1/sites/default/users/" + user.getString("id"));

        assertThat(admin.get("/api/v1/sites/default/users/" + user.getString("id"))
                        .object()
                        .getString("displayName"))
                .isEqualTo("Jane Doe");
        assertThat(admin.get("/api/v1/sites/default/users?size=500").body()).contains(login);
        JsonObject audit = admin.get("/api/v1/audit?type=USER_CREATED&size=500").object();
        assertThat(audit.getJsonArray("items").toString())
                .contains("login=" + login)
                .contains("admin@default");
    }

    @Test
    void namesEveryInvalidFieldAndTheFix() {
        Http.Response response = admin.json(
                "POST",
                "/api/v1/sites/default/users",
                "{\"login\":\"bad login!\",\"displayName\":\"\",\"password\":\"short\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.object().getJsonArray("errors").toString())
                .contains("\"field\":\"login\"", "is not a valid login; use 1 to 256 letters")
                .contains("\"field\":\"displayName\"", "is required and must not be blank")
                .contains("\"field\":\"password\"", "use at least 12 characters");
    }

    @Test
    void refusesUnknownFieldsMalformedJsonOversizedBodiesAndBadIds() {
        Http.Response unknown =
                admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"x\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("\"field\":\"colour\"", "is not a known field; allowed fields are [description, name]");

        Http.Response malformed = admin.json("POST", "/api/v1/sites/default/groups", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"body\"", "is not valid JSON at line 1");

        Http.Response wrongType = admin.json("POST", "/api/v1/sites/default/groups", "{\"name\": 42}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("must be a JSON string, not a number");

        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(admin.json("POST", "/api/v1/sites/default/groups", huge).status())
                .isEqualTo(413);

        Http.Response badId = admin.get("/api/v1/sites/default/users/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("\"field\":\"id\"", "is not an identifier");

        assertThat(admin.get("/api/v1/sites/no-such-site/users").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/sites/default/users/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void theLastBreakGlassAdministratorCannotBeDisabledDeletedOrSwitched() {
        String adminId = userId(admin, "default", "admin");

        Http.Response disable =
                admin.json("PATCH", "/api/v1/sites/default/users/" + adminId, "{\"state\":\"DISABLED\"}");
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.object().getString("detail"))
                .isEqualTo("Refused to disable 'admin': it is the last enabled"
                        + " administrator of site 'default' with a local password (the break-glass account). Give another"
                        + " administrator a local password first, then try again.");
        assertThat(admin.delete("/api/v1/sites/default/users/" + adminId).status())
                .isEqualTo(409);
        assertThat(admin.json("PATCH", "/api/v1/sites/default/users/" + adminId, "{\"authMethod\":\"directory\"}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.get("/api/v1/sites/default/users/" + adminId).object().getString("state"))
                .isEqualTo("ENABLED");
        assertThat(admin.get("/api/v1/audit?type=CHANGE_REFUSED").body()).contains("Refused to disable 'admin'");
    }

    @Test
    void aSecondBreakGlassAdministratorAllowsDisablingTheFirstInAChildSite() {
        String slug = "child-" + suffix();
        Http.Response site =
                admin.json("POST", "/api/v1/sites", "{\"slug\":\"" + slug + "\",\"displayName\":\"Child\"}");
        assertThat(site.status()).as(site.toString()).isEqualTo(201);
        assertThat(site.object().getString("parent")).isEqualTo("default");
        String first = createAdmin(slug, "first");
        String second = createAdmin(slug, "second");

        assertThat(admin.json("PATCH", "/api/v1/sites/" + slug + "/users/" + first, "{\"state\":\"DISABLED\"}")
                        .status())
                .isEqualTo(200);
        Http.Response last =
                admin.json("PATCH", "/api/v1/sites/" + slug + "/users/" + second, "{\"administrator\":false}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.object().getString("detail"))
                .startsWith("Refused to remove the administrator role from 'second'");
        assertThat(admin.get("/api/v1/sites").body()).contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void groupsHaveUniqueNamesMembersAndNoCycles() {
        String name = "Finance " + suffix();
        Http.Response created = admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String finance = created.object().getString("id");
        Http.Response duplicate =
                admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("\"field\":\"name\"", "already exists in site 'default'");

        String staff = admin.json("POST", "/api/v1/sites/default/groups", "{\"name\":\"Staff " + suffix() + "\"}")
                .object()
                .getString("id");
        String user = admin.json(
                        "POST",
                        "/api/v1/sites/default/users",
                        "{\"login\":\"member." + suffix() + "\",\"displayName\":\"M\"}")
                .object()
                .getString("id");
        assertThat(admin.json(
                                "POST",
                                "/api/v1/sites/default/groups/" + finance + "/members",
                                "{\"user\":\"" + user + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(admin.json(
                                "POST",
                                "/api/v1/sites/default/groups/" + finance + "/members",
                                "{\"user\":\"" + user + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(admin.json(
                                "POST",
                                "/api/v1/sites/default/groups/" + staff + "/members",
                                "{\"group\":\"" + finance + "\"}")
                        .status())
                .isEqualTo(201);
        Http.Response cycle = admin.json(
                "POST", "/api/v1/sites/default/groups/" + finance + "/members", "{\"group\":\"" + staff + "\"}");
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.body()).contains("would make a cycle");

        assertThat(admin.get("/api/v1/sites/default/groups/" + finance + "/members")
                        .array()
                        .toString())
                .contains(user);
        assertThat(admin.delete("/api/v1/sites/default/groups/" + finance + "/members/" + user)
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/sites/default/groups/" + finance + "/members")
                        .array())
                .isEmpty();
        assertThat(admin.delete("/api/v1/sites/default/groups/" + finance + "/members/" + user)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTakenLoginIsAConflictAndWritesNothing() {
        String login = "dup." + suffix();
        String body = "{\"login\":\"" + login + "\",\"displayName\":\"D\"}";
        assertThat(admin.json("POST", "/api/v1/sites/default/users", body).status())
                .isEqualTo(201);

        Http.Response again =
                admin.json("POST", "/api/v1/sites/default/users", body.replace(login, login.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("login '" + login + "' is already taken in site 'default'");
        String all = admin.get("/api/v1/sites/default/users?size=500").body();
        assertThat(all.split("\"login\":\"" + login + "\"", -1)).hasSize(2);
    }

    @Test
    void theAuditLogFiltersAndPages() {
        Http.Response page = admin.get("/api/v1/audit?type=BOOTSTRAP&page=0&size=1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.object().getInt("total")).isEqualTo(1);
        assertThat(page.object().getJsonArray("items").getJsonObject(0).getString("actor"))
                .isEqualTo("system");
        assertThat(admin.get("/api/v1/audit?type=NOPE").body()).contains("\"field\":\"type\"");
        assertThat(admin.get("/api/v1/audit?from=yesterday").body()).contains("is not an ISO-8601 instant");
        assertThat(admin.get("/api/v1/audit?size=501").status()).isEqualTo(400);
    }

    private String createAdmin(String site, String login) {
        Http.Response response = admin.json(
                "POST",
                "/api/v1/sites/" + site + "/users",
                "{\"login\":\"" + login + "\",\"displayName\":\"" + login
                        + "\",\"administrator\":true,\"password\":\"another long password\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.object().getString("id");
    }

    static String userId(Http http, String site, String login) {
        return http.get("/api/v1/sites/" + site + "/users?size=500").object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getString("login").equals(login))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
