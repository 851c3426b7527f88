package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Shared folders, access entries, quotas and the decision API over HTTP, as storage servers and admins use them. */
abstract class StoragePolicyChecks {
    private final StorageFixture f = new StorageFixture().create();

    @Test
    void storageServersNeedTheirOwnCredential() {
        String body = "{\"user\":\"" + f.alice + "\",\"action\":\"read\",\"path\":\"" + f.folder + "\"}";

        assertThat(Http.anonymous()
                        .json("POST", "/api/v1/storage/decisions", body)
                        .status())
                .isEqualTo(401);
        assertThat(f.admin.json("POST", "/api/v1/storage/decisions", body).status())
                .isEqualTo(401);
        assertThat(Http.basic(java.util.UUID.randomUUID().toString(), "x")
                        .json("POST", "/api/v1/storage/decisions", body)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void rightsComeFromNestedGroupsDenyWinsAndEveryChangeShowsInTheNextDecision() {
        assertThat(f.decide(f.alice, "read", f.folder, 0).getString("reason")).startsWith("no entry on");

        f.entry(f.folder, "group:" + f.finance, "READ_WRITE");
        JsonObject write = f.decide("login:alice." + f.suffix, "write", f.folder + "/q1.xlsx", 10);
        assertThat(write.getBoolean("allowed")).isTrue();
        assertThat(write.getString("reason")).contains("(via Interns " + f.suffix + " → Finance " + f.suffix + ")");

        f.entry(f.folder + "/secret", "user:" + f.alice, "DENY");
        f.entry(f.folder + "/secret", "group:" + f.finance, "READ_WRITE");
        assertThat(f.decide(f.alice, "read", f.folder + "/secret/x", 0).getString("right"))
                .isEqualTo("DENY");

        f.entry(f.folder + "/reports", "user:" + f.bob, "READ_ONLY");
        assertThat(f.allowed(f.alice, "read", f.folder + "/reports/2026")).isFalse();
        StorageFixture.ok(f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/inheritance",
                "{\"path\":\"" + f.folder + "/reports\",\"inheritsParent\":true}"));
        assertThat(f.allowed(f.alice, "read", f.folder + "/reports/2026")).isTrue();

        assertThat(f.admin
                        .delete("/api/v1/sites/default/groups/" + f.interns + "/members/" + f.alice)
                        .status())
                .isEqualTo(204);
        assertThat(f.allowed(f.alice, "read", f.folder)).isFalse();
        StorageFixture.ok(f.admin.json(
                "POST", "/api/v1/sites/default/groups/" + f.finance + "/members", "{\"user\":\"" + f.alice + "\"}"));
        assertThat(f.allowed(f.alice, "read", f.folder)).isTrue();

        StorageFixture.ok(f.admin.json("PATCH", "/api/v1/sites/default/users/" + f.alice, "{\"state\":\"DISABLED\"}"));
        assertThat(f.decide(f.alice, "read", f.folder, 0).getString("reason"))
                .isEqualTo("the user is unknown, disabled or deprovisioned");
    }

    @Test
    void quotasIndividualOverGroupHighestGroupAndUsage() {
        f.entry(f.folder, "everyone", "READ_WRITE");
        StorageFixture.ok(f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/quotas",
                "{\"grantee\":\"group:" + f.finance + "\",\"bytes\":1000}"));
        assertThat(f.decide(f.alice, "write", f.folder + "/a", 1000).getBoolean("allowed"))
                .isTrue();
        assertThat(f.decide(f.alice, "write", f.folder + "/a", 1001).getString("reason"))
                .contains("would exceed the quota of 1000 bytes (quota of group 'Finance " + f.suffix + "')");

        assertThat(f.storage
                        .json("PUT", "/api/v1/storage/usage", "{\"user\":\"" + f.alice + "\",\"bytes\":800}")
                        .status())
                .isEqualTo(204);
        assertThat(f.decide(f.alice, "write", f.folder + "/a", 201).getBoolean("allowed"))
                .isFalse();

        StorageFixture.ok(f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/quotas",
                "{\"grantee\":\"user:" + f.alice + "\",\"bytes\":null}"));
        assertThat(f.decide(f.alice, "write", f.folder + "/a", 1_000_000).getBoolean("allowed"))
                .isTrue();
        assertThat(f.decide(f.bob, "write", f.folder + "/a", 1_000_000).getBoolean("allowed"))
                .isTrue();
    }

    @Test
    void deletingAGroupRemovesItsEntriesAndQuota() {
        f.entry(f.folder, "group:" + f.interns, "READ_WRITE");
        StorageFixture.ok(f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/quotas",
                "{\"grantee\":\"group:" + f.interns + "\",\"bytes\":5}"));

        assertThat(f.admin.delete("/api/v1/sites/default/groups/" + f.interns).status())
                .isEqualTo(204);

        assertThat(f.admin.get("/api/v1/sites/default/storage/entries").body()).doesNotContain(f.interns);
        assertThat(f.admin.get("/api/v1/sites/default/storage/quotas").body()).doesNotContain(f.interns);
        assertThat(f.allowed(f.alice, "read", f.folder)).isFalse();
    }

    @Test
    void aBatchAnswersInOrder() {
        f.entry(f.folder, "user:" + f.bob, "READ_ONLY");
        Http.Response batch = f.storage.json(
                "POST",
                "/api/v1/storage/decisions/batch",
                "{\"user\":\"" + f.bob
                        + "\",\"requests\":[{\"action\":\"read\",\"path\":\"" + f.folder + "/x\"},"
                        + "{\"action\":\"write\",\"path\":\"" + f.folder + "/x\",\"bytes\":1},"
                        + "{\"action\":\"list\",\"path\":\"/elsewhere\"}]}");

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.object().getJsonArray("decisions").stream()
                        .map(d -> d.asJsonObject().getBoolean("allowed")))
                .containsExactly(true, false, false);
    }

    @Test
    void badPathsActionsAndUsersAreRefusedWithTheField() {
        String user = f.alice;
        Http.Response dotdot = f.storage.json(
                "POST",
                "/api/v1/storage/decisions",
                "{\"user\":\"" + user + "\",\"action\":\"read\",\"path\":\"" + f.folder + "/../etc\"}");
        assertThat(dotdot.status()).isEqualTo(400);
        assertThat(dotdot.body()).contains("\"field\":\"path\"", "contains '..'");
        assertThat(f.storage
                        .json(
                                "POST",
                                "/api/v1/storage/decisions",
                                "{\"user\":\"" + user + "\",\"action\":\"read\",\"path\":\"/a//b\"}")
                        .body())
                .contains("empty segment");
        assertThat(f.storage
                        .json(
                                "POST",
                                "/api/v1/storage/decisions",
                                "{\"user\":\"" + user + "\",\"action\":\"read\",\"path\":\"/a/\\u0000\"}")
                        .body())
                .contains("control character");
        assertThat(f.storage
                        .json(
                                "POST",
                                "/api/v1/storage/decisions",
                                "{\"user\":\"" + user + "\",\"action\":\"fly\",\"path\":\"/a\"}")
                        .body())
                .contains("\"field\":\"action\"");
        assertThat(f.storage
                        .json(
                                "POST",
                                "/api/v1/storage/decisions",
                                "{\"user\":\"nobody\",\"action\":\"read\",\"path\":\"/a\"}")
                        .body())
                .contains("\"field\":\"user\"");
        Http.Response batch = f.storage.json(
                "POST",
                "/api/v1/storage/decisions/batch",
                "{\"user\":\"" + user
                        + "\",\"requests\":[{\"action\":\"read\",\"path\":\"/ok\"},{\"action\":\"read\",\"path\":\"x\"}]}");
        assertThat(batch.body()).contains("\"field\":\"requests[1].path\"");
        Http.Response outside = f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/entries",
                "{\"path\":\"/nowhere-" + f.suffix + "\",\"grantee\":\"everyone\",\"right\":\"READ_ONLY\"}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("is not inside a shared folder of this site");
        Http.Response nested = f.admin.json(
                "POST",
                "/api/v1/sites/default/storage/folders",
                "{\"name\":\"Inner " + f.suffix + "\",\"path\":\"" + f.folder + "/inner\"}");
        assertThat(nested.status()).isEqualTo(409);
        assertThat(nested.body()).contains("shared folders do not nest");
    }

    @Test
    void theExplainerNamesTheSourceOfEveryRightAndDenialsAreAudited() throws InterruptedException {
        f.entry(f.folder, "group:" + f.finance, "READ_ONLY");
        f.entry(f.folder + "/sub", "user:" + f.bob, "READ_WRITE");
        StorageFixture.ok(f.admin.json(
                "PUT",
                "/api/v1/sites/default/storage/inheritance",
                "{\"path\":\"" + f.folder + "/sub\",\"inheritsParent\":true}"));

        JsonObject explained = f.admin
                .get("/api/v1/sites/default/storage/explain?user=" + f.alice + "&path=" + f.folder + "/sub/x")
                .object();

        assertThat(explained.getString("right")).isEqualTo("READ_ONLY");
        assertThat(explained.getString("sharedFolder")).isEqualTo("Finance " + f.suffix);
        var entries = explained.getJsonArray("entries");
        assertThat(entries).hasSize(2);
        JsonObject inherited = entries.getJsonObject(1);
        assertThat(inherited.getString("definedOn")).isEqualTo(f.folder);
        assertThat(inherited.getBoolean("inherited")).isTrue();
        assertThat(inherited.getBoolean("matches")).isTrue();
        assertThat(inherited.getJsonArray("via").toString())
                .isEqualTo("[\"Interns " + f.suffix + "\",\"Finance " + f.suffix + "\"]");
        assertThat(entries.getJsonObject(0).getBoolean("matches")).isFalse();

        assertThat(f.allowed(f.alice, "delete", f.folder + "/sub/x")).isFalse();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String audit = "";
        while (Instant.now().isBefore(deadline) && !audit.contains("delete " + f.folder + "/sub/x")) {
            Thread.sleep(200);
            audit = f.admin.get("/api/v1/audit?type=ACCESS_DENIED&size=50").body();
        }
        assertThat(audit).contains("delete " + f.folder + "/sub/x", "storage client nas-" + f.suffix);
    }
}
