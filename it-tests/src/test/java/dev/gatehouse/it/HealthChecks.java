package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The deployment is healthy, serves the login page at the root and describes its API. */
abstract class HealthChecks {
    private final Http http = Http.anonymous();

    @Test
    void readinessReportsTheDatabaseAndTheCluster() {
        Http.Response ready = http.get("/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        var checks = ready.object().getJsonArray("checks").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .collect(java.util.stream.Collectors.toMap(c -> c.getString("name"), c -> c));
        assertThat(checks.get("database").getString("status")).isEqualTo("UP");
        assertThat(checks.get("cluster").getJsonObject("data").getString("mode"))
                .as("the embedded default is one node, without a grid")
                .isEqualTo("single node");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void gatehousesMetricsArePublishedInPrometheusText() {
        StorageFixture f = new StorageFixture().create();
        f.decide(f.bob, "read", f.folder, 0);
        assertThat(Http.anonymous()
                        .signIn("nobody." + f.suffix, "not a password")
                        .status())
                .isNotEqualTo(303);

        Http.Response metrics = http.get("/metrics?scope=application");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("# TYPE gatehouse_decisions_total counter")
                .containsPattern("gatehouse_decisions_total\\{[^}]*result=\"deny\"[^}]*} [1-9]")
                .containsPattern("gatehouse_signins_total\\{[^}]*outcome=\"wrong_password\"[^}]*provider=\"local\"")
                .contains("gatehouse_policy_index_builds_count")
                .contains("gatehouse_policy_invalidations_total");
    }

    @Test
    void theLoginPageIsAtTheRoot() {
        Http.Response page = http.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Default site", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void openApiDescribesTheAdminApi() {
        Http.Response openapi = http.get("/openapi", "Accept", "application/json");

        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.object().getJsonObject("paths").keySet())
                .contains(
                        "/api/v1/sites",
                        "/api/v1/sites/{site}/users",
                        "/api/v1/sites/{site}/users/{id}",
                        "/api/v1/sites/{site}/groups",
                        "/api/v1/sites/{site}/groups/{id}/members",
                        "/api/v1/audit");
    }

    @Test
    void responsesCarryBrowserHardeningHeaders() {
        Http.Response page = http.get("/login");

        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }
}
