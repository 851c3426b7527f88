package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.sso.saml.TestMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EAR on WildFly (MicroProfile configuration), as on Payara Server: it deploys, the server's health reports it,
 * the login page, an admin API call and an SP-initiated SAML sign-in work. What differs on WildFly is in the README.
 */
class EarOnWildFlyIT {
    private static final String BASE = "http://127.0.0.1:" + WildFly.HTTP_PORT;

    @Test
    void theEarDeploysAndSignsInBySaml() throws Exception {
        Path ear = Path.of(It.property("gatehouse.it.ear"));
        Map<String, String> environment = Map.of(
                "GATEHOUSE_DATA_DIR", ear.getParent().resolve("wildfly-data").toString(),
                "GATEHOUSE_ADMIN_PASSWORD", It.adminPassword(),
                "GATEHOUSE_BASE_URL", BASE);
        Path base = ear.getParent().resolve("wildfly-base");
        try (WildFly server = new WildFly(Path.of(It.property("gatehouse.it.wildfly")), base, environment)) {
            Trees.delete(ear.getParent().resolve("wildfly-data"));
            server.start();
            server.deploy(ear, Duration.ofSeconds(240));

            Http.Response ready = Http.anonymous()
                    .at("http://127.0.0.1:" + WildFly.MANAGEMENT_PORT)
                    .get("/health/ready");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            assertThat(ready.body()).contains("\"gatehouse.ear\":\"OK\"");

            Http.Response login = Http.anonymous().at(BASE).get("/");
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in to Default site");
            assertThat(login.raw().headers().allValues("Set-Cookie"))
                    .as(
                            "the session cookie as on Payara (WildFly ignores web.xml's SameSite attribute: WEB-INF/undertow-handlers.conf)")
                    .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("HttpOnly") && c.contains("SameSite=Lax"));

            Http admin = Http.admin().at(BASE);
            Http.Response sites = admin.get("/api/v1/sites");
            assertThat(sites.status()).as(sites.toString()).isEqualTo(200);
            assertThat(sites.body()).contains("\"slug\":\"default\"");

            signsInBySaml(admin);
            assertThat(Files.readString(server.serverLog())).doesNotContain(It.adminPassword());
        }
    }

    private static void signsInBySaml(Http admin) {
        String suffix = AdminApiChecks.suffix();
        JsonObject provider = StorageFixture.ok(admin.json(
                        "POST",
                        "/api/v1/sites/default/providers",
                        Json.createObjectBuilder()
                                .add("displayName", "Entra on WildFly " + suffix)
                                .add("kind", "saml")
                                .add(
                                        "settings",
                                        Json.createObjectBuilder()
                                                .add("trust", "METADATA_XML")
                                                .add(
                                                        "metadataXml",
                                                        TestMetadata.xml(List.of("idp"), "https://login.example/sso"))
                                                .add("justInTime", true))
                                .build()
                                .toString()))
                .object();
        String id = provider.getString("id");
        Http browser = Http.anonymous().at(BASE);
        String upn = "wildfly." + suffix + "@contoso.example";
        String answer = SsoFixture.entraAnswer(browser, provider, upn);
        Http.Response signedIn = browser.form("/saml/" + id + "/acs", Map.of("SAMLResponse", answer));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains(upn);
    }
}
