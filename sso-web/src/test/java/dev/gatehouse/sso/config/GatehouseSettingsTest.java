package dev.gatehouse.sso.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatehouseSettingsTest {
    @Test
    void defaultsToAnH2FileDatabaseInTheDataDirectory() {
        GatehouseSettings settings = read(Map.of("gatehouse.data-dir", "/srv/gatehouse"));

        assertThat(settings.dbUrl()).startsWith("jdbc:h2:file:/srv/gatehouse/gatehouse");
        assertThat(settings.baseUrl()).hasToString("http://localhost:8080");
        assertThat(settings.passwordIterations()).isEqualTo(600_000);
    }

    @Test
    void namesEveryBadKeyAndTheFix() {
        assertThatThrownBy(() -> read(Map.of(
                        "gatehouse.db.url", "jdbc:mysql://db/x?password=hunter2",
                        "gatehouse.db.pool-size", "lots",
                        "gatehouse.base-url", "ftp://files")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gatehouse.db.url: 'jdbc:mysql://db/x?password=****' is not supported; use"
                        + " jdbc:postgresql://host:5432/db or jdbc:h2:file:/path/name")
                .hasMessageContaining("gatehouse.db.pool-size: 'lots' is not a whole number; use 1 to 200 (default 10)")
                .hasMessageContaining("gatehouse.base-url: 'ftp://files' is not an absolute http(s) URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aClusterNeedsADatabaseEveryNodeShares() {
        assertThat(read(Map.of()).cluster()).isEqualTo(new GatehouseSettings.Cluster(false, 3000));
        assertThatThrownBy(() -> read(Map.of("gatehouse.cluster.enabled", "true")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("gatehouse.cluster.enabled: the nodes of a cluster share one database")
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> read(Map.of("gatehouse.cluster.confirm-millis", "50")))
                .hasMessageContaining("gatehouse.cluster.confirm-millis");
        GatehouseSettings cluster = read(Map.of(
                "gatehouse.cluster.enabled", "true",
                "gatehouse.db.url", "jdbc:postgresql://db:5432/gatehouse",
                "gatehouse.cluster.confirm-millis", "5000"));
        assertThat(cluster.cluster()).isEqualTo(new GatehouseSettings.Cluster(true, 5000));
        assertThat(cluster.toString()).contains("cluster");
    }

    @Test
    void aRenamedKeyStopsTheStartNamingItsNewName() {
        assertThatThrownBy(() -> read(Map.of("gatehouse.saml.metadata-allow-internal-hosts", "true")))
                .hasMessageContaining("gatehouse.saml.metadata-allow-internal-hosts: is no longer read; it is now"
                        + " gatehouse.outbound.allow-internal-hosts");
        assertThat(read(Map.of("gatehouse.outbound.allow-internal-hosts", "true"))
                        .outbound()
                        .allowInternalHosts())
                .isTrue();
    }

    @Test
    void theMicrosoftCloudDefaultsToTheGlobalOneAndTakesANationalOne() {
        assertThat(read(Map.of()).microsoft())
                .isEqualTo(new GatehouseSettings.MicrosoftCloud(
                        "https://login.microsoftonline.com/", "https://graph.microsoft.com/"));
        assertThat(read(Map.of("gatehouse.entra.authority-url", "https://login.microsoftonline.us"))
                        .microsoft()
                        .authorityUrl())
                .isEqualTo("https://login.microsoftonline.us/");
        assertThatThrownBy(() -> read(Map.of("gatehouse.graph.url", "graph")))
                .hasMessageContaining("gatehouse.graph.url: 'graph' is not an absolute http(s) URL");
    }

    @Test
    void neverShowsSecretsInItsDescription() {
        GatehouseSettings settings = read(Map.of(
                "gatehouse.db.password", "db-secret",
                "gatehouse.master-key", "bWFzdGVyLWtleQ==",
                "gatehouse.admin-password", "admin-secret"));

        assertThat(settings.toString()).doesNotContain("db-secret", "bWFzdGVyLWtleQ==", "admin-secret");
    }

    private static GatehouseSettings read(Map<String, String> values) {
        return GatehouseSettings.read(key -> Optional.ofNullable(values.get(key)));
    }
}
