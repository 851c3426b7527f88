package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory sync against the Samba domain controller of the README test command. Each lane seeds its own OU (users
 * with LDAP special characters in their names, a disabled one, groups nested 3 deep) and changes it with
 * {@code ldapmodify} as the domain's administrator; {@code OU=Bulk} (seeded by scripts/samba.sh) holds a group of 1,600
 * members, more than one range of 1,500.
 */
abstract class DirectorySyncChecks {
    static final String BASE = "DC=corp,DC=gatehouse,DC=test";

    final Http admin = Http.admin();
    final String sfx = AdminApiChecks.suffix();
    final String site = "sync-" + sfx;
    final String ou = "OU=sync-" + sfx + "," + BASE;
    Path ca;
    String administratorPassword;

    @BeforeEach
    void domainController() throws Exception {
        ca = Path.of(It.property("gatehouse.it.samba.ca"));
        administratorPassword = It.secret(It.property("gatehouse.it.samba.admin-password"));
        DirectoryChecks.awaitDomainController(ca, Duration.ofSeconds(90));
        awaitBulkSeed();
        SsoFixture.childSite(admin, site, "Sync " + site);
    }

    /** Saves the site's directory with the administrator as its service account. */
    void directory(String searchBase, String... controllers) throws IOException {
        var list = Json.createArrayBuilder();
        for (String controller : controllers) {
            list.add(controller);
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("domain", DirectoryChecks.DOMAIN)
                .add("controllers", list)
                .add("trustedCertificates", Files.readString(ca))
                .add("serviceAccount", "administrator@" + DirectoryChecks.DOMAIN)
                .add("servicePassword", administratorPassword)
                .add("searchBase", searchBase)
                .add("syncIntervalMinutes", 0);
        Http.Response saved = admin.json(
                "PUT", "/api/v1/sites/" + site + "/directory", body.build().toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.object().getBoolean("servicePasswordSet")).isTrue();
        assertThat(saved.body()).doesNotContain(administratorPassword);
    }

    JsonObject sync(String mode, boolean dryRun) {
        Http.Response run = admin.json(
                "POST",
                "/api/v1/sites/" + site + "/directory/sync",
                Json.createObjectBuilder()
                        .add("mode", mode)
                        .add("dryRun", dryRun)
                        .build()
                        .toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.object();
    }

    /** The site's users by login. */
    Map<String, JsonObject> users() {
        Map<String, JsonObject> users = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonObject answer = admin.get("/api/v1/sites/" + site + "/users?size=500&page=" + page)
                    .object();
            answer.getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .forEach(user -> users.put(user.getString("login"), user));
            if ((long) (page + 1) * 500 >= answer.getJsonNumber("total").longValue()) {
                return users;
            }
        }
    }

    /** The site's groups by name. */
    Map<String, String> groups() {
        Map<String, String> groups = new HashMap<>();
        admin.get("/api/v1/sites/" + site + "/groups?size=500").object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .forEach(group -> groups.put(group.getString("name"), group.getString("id")));
        return groups;
    }

    List<String> members(String groupId) {
        return admin.get("/api/v1/sites/" + site + "/groups/" + groupId + "/members").array().stream()
                .map(JsonObject.class::cast)
                .map(member -> member.getString("id"))
                .toList();
    }

    String upn(String name) {
        return name + "-" + sfx + "@" + DirectoryChecks.DOMAIN;
    }

    /** A user entry; {@code 544} is an enabled account without a password, {@code 546} a disabled one. */
    String userLdif(String cn, String name, int accountControl) {
        return "dn: CN=" + cn + "," + ou + "\nchangetype: add\nobjectClass: user\nsAMAccountName: " + name + "-" + sfx
                + "\nuserPrincipalName: " + upn(name) + "\ndisplayName: " + name + " of " + sfx
                + "\nuserAccountControl: " + accountControl + "\n\n";
    }

    String groupLdif(String name, String... memberDns) {
        StringBuilder ldif = new StringBuilder("dn: CN=" + name + "-" + sfx + "," + ou
                + "\nchangetype: add\nobjectClass: group\nsAMAccountName: " + name + "-" + sfx + "\n");
        for (String member : memberDns) {
            ldif.append("member: ").append(member).append('\n');
        }
        return ldif.append('\n').toString();
    }

    String dn(String cn) {
        return "CN=" + cn + "," + ou;
    }

    /** Changes the directory as its administrator, with ldapmodify over LDAPS. */
    void ldapModify(String ldif) throws Exception {
        new Samba(ca, administratorPassword).modify(ldif);
    }

    /** scripts/samba.sh seeds OU=Bulk after the controller answers: wait for its marker. */
    void awaitBulkSeed() throws InterruptedException {
        Path seeded = ca.resolveSibling("bulk-seeded");
        for (int i = 0; i < 120 && !Files.exists(seeded); i++) {
            Thread.sleep(1000);
        }
        assertThat(seeded)
                .as("scripts/samba.sh did not seed OU=Bulk; see .cache/samba-start.log")
                .exists();
    }

    @Test
    void usersAndNestedGroupsAreSyncedAndFollowEveryChange() throws Exception {
        ldapModify("dn: " + ou + "\nchangetype: add\nobjectClass: organizationalUnit\n\n"
                + userLdif("Ann (R&D)\\, Jr. *", "ann", 544)
                + userLdif("ben", "ben", 544)
                + userLdif("cat", "cat", 546)
                + groupLdif("g3", dn("Ann (R&D)\\, Jr. *"))
                + groupLdif("g2", dn("g3-" + sfx))
                + groupLdif("g1", dn("g2-" + sfx), dn("ben")));
        directory(ou, "127.0.0.1");

        JsonObject full = sync("full", false);
        assertThat(full.getString("outcome")).as(full.toString()).isEqualTo("succeeded");
        assertThat(full.getString("mode")).isEqualTo("full");
        assertThat(full.getJsonObject("counts").getInt("usersCreated")).isEqualTo(3);
        assertThat(full.getJsonObject("counts").getInt("groupsCreated")).isEqualTo(3);
        Map<String, JsonObject> users = users();
        JsonObject ann = users.get(upn("ann").toLowerCase());
        assertThat(ann).as("ann among " + users.keySet()).isNotNull();
        assertThat(ann.getString("authMethod")).isEqualTo("directory");
        assertThat(users.get(upn("cat").toLowerCase()).getString("state")).isEqualTo("DISABLED");
        Map<String, String> groups = groups();
        assertThat(members(groups.get("g1-" + sfx)))
                .containsExactlyInAnyOrder(
                        groups.get("g2-" + sfx),
                        users.get(upn("ben").toLowerCase()).getString("id"));
        assertThat(members(groups.get("g2-" + sfx))).containsExactly(groups.get("g3-" + sfx));
        assertThat(members(groups.get("g3-" + sfx))).containsExactly(ann.getString("id"));

        // a dry run shows what a run would do and changes nothing
        ldapModify(userLdif("dan", "dan", 544));
        JsonObject preview = sync("incremental", true);
        assertThat(preview.getBoolean("dryRun")).isTrue();
        assertThat(preview.getJsonObject("counts").getInt("usersCreated")).isEqualTo(1);
        assertThat(preview.getJsonArray("detail").toString())
                .contains("create user " + upn("dan").toLowerCase());
        assertThat(users()).doesNotContainKey(upn("dan").toLowerCase());

        // incremental: only what changed since the cursor
        JsonObject incremental = sync("incremental", false);
        assertThat(incremental.getString("mode")).isEqualTo("incremental");
        assertThat(incremental.getJsonObject("counts").getInt("usersCreated")).isEqualTo(1);
        assertThat(users()).containsKey(upn("dan").toLowerCase());

        // a rename (same objectGUID), a deletion, a new member
        ldapModify("dn: " + dn("Ann (R&D)\\, Jr. *") + "\nchangetype: modify\nreplace: userPrincipalName\n"
                + "userPrincipalName: " + upn("anna") + "\n-\nreplace: displayName\ndisplayName: Anna Renamed\n\n"
                + "dn: " + dn("Ann (R&D)\\, Jr. *") + "\nchangetype: modrdn\nnewrdn: CN=Anna\ndeleteoldrdn: 1\n\n"
                + "dn: " + dn("ben") + "\nchangetype: delete\n\n"
                + "dn: " + dn("g3-" + sfx) + "\nchangetype: modify\nadd: member\nmember: " + dn("dan") + "\n\n");
        JsonObject changes = sync("incremental", false);
        assertThat(changes.getString("outcome")).as(changes.toString()).isEqualTo("succeeded");
        assertThat(changes.getJsonObject("counts").getInt("usersDisabled")).isEqualTo(1);
        users = users();
        JsonObject anna = users.get(upn("anna").toLowerCase());
        assertThat(anna).as("renamed among " + users.keySet()).isNotNull();
        assertThat(anna.getString("id")).isEqualTo(ann.getString("id"));
        assertThat(anna.getString("displayName")).isEqualTo("Anna Renamed");
        JsonObject ben = users.get(upn("ben").toLowerCase());
        assertThat(ben.getString("state"))
                .as("deleted in the directory: disabled, not deleted")
                .isEqualTo("DISABLED");
        assertThat(members(groups.get("g3-" + sfx)))
                .containsExactlyInAnyOrder(
                        ann.getString("id"), users.get(upn("dan").toLowerCase()).getString("id"));

        // the sync log, newest first
        List<JsonObject> runs = admin.get("/api/v1/sites/" + site + "/directory/sync/runs").array().stream()
                .map(JsonObject.class::cast)
                .toList();
        assertThat(runs)
                .extracting(r -> r.getString("mode") + (r.getBoolean("dryRun") ? " dry" : ""))
                .containsExactly("incremental", "incremental", "incremental dry", "full");
        assertThat(runs.get(0).getString("controller")).isEqualTo("127.0.0.1");
    }

    @Test
    void aGroupOfMoreThan1500MembersIsReadWholeAndTwoRunsOfOneSiteNeverOverlap() throws Exception {
        directory("OU=Bulk," + BASE, "127.0.0.1");

        CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(
                () -> admin.json("POST", "/api/v1/sites/" + site + "/directory/sync", "{\"mode\":\"full\"}"));
        Thread.sleep(1000);
        Http.Response second = admin.json("POST", "/api/v1/sites/" + site + "/directory/sync", "{\"mode\":\"full\"}");
        Http.Response firstAnswer = first.get(5, TimeUnit.MINUTES);

        assertThat(firstAnswer.status()).as(firstAnswer.toString()).isEqualTo(200);
        assertThat(second.status())
                .as("a run of the site is in progress: " + second)
                .isEqualTo(409);
        assertThat(firstAnswer.object().getJsonObject("counts").getInt("usersCreated"))
                .isEqualTo(1600);
        String bulk = groups().get("bulk-readers");
        assertThat(members(bulk)).hasSize(1600);
    }

    @Test
    void theNextControllerIsUsedWhenOneDoesNotAnswerAndARunWithNoneIsLoggedAsFailed() throws Exception {
        ldapModify(
                "dn: " + ou + "\nchangetype: add\nobjectClass: organizationalUnit\n\n" + userLdif("eli", "eli", 544));
        directory(ou, "127.0.0.1:1", "127.0.0.1");
        JsonObject run = sync("full", false);
        assertThat(run.getString("outcome")).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.getString("controller")).isEqualTo("127.0.0.1");

        directory(ou, "127.0.0.1:1");
        JsonObject failed = sync("full", false);
        assertThat(failed.getString("outcome")).isEqualTo("failed");
        assertThat(failed.getJsonArray("detail").toString()).contains("no domain controller answered");
        assertThat(users()).containsKey(upn("eli").toLowerCase());
        assertThat(users().get(upn("eli").toLowerCase()).getString("state"))
                .as("a failed run disables nobody")
                .isEqualTo("ENABLED");
    }
}
