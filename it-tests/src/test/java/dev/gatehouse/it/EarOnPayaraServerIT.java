package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EAR deploys on a real Payara Server 6 Full and serves the same application as the Micro bundle. */
class EarOnPayaraServerIT {
    private static final String BASE = "http://127.0.0.1:" + PayaraServer.HTTP_PORT;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEarDeploysAndIsHealthy() throws Exception {
        Path ear = Path.of(It.property("gatehouse.it.ear"));
        Path dataDir = ear.getParent().resolve("ear-data");
        Map<String, String> environment = Map.of(
                "GATEHOUSE_DATA_DIR", dataDir.toString(),
                "GATEHOUSE_ADMIN_PASSWORD", It.adminPassword(),
                "GATEHOUSE_BASE_URL", BASE);
        try (PayaraServer server = new PayaraServer(Path.of(It.property("gatehouse.it.payara-server")), environment)) {
            server.start();
            server.deploy(ear);

            HttpResponse<String> ready = awaitReady(Duration.ofSeconds(120));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"name\":\"database\"", "\"status\":\"UP\"");
            assertThat(server.log())
                    .as("directory-connector deployed as the EAR's EJB module")
                    .contains("Portable JNDI names for EJB DirectoryWork: "
                            + "[java:global/gatehouse/directory-connector/DirectoryWork");

            HttpResponse<String> login = get("/", null);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in to Default site");

            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + It.adminPassword()).getBytes());
            HttpResponse<String> sites = get("/api/v1/sites", basic);
            assertThat(sites.statusCode()).isEqualTo(200);
            assertThat(sites.body()).contains("\"slug\":\"default\"");
        }
    }

    private HttpResponse<String> awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get("/health/ready", null);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(1000);
        }
        if (last == null) {
            throw new AssertionError("Payara Server never answered on " + BASE);
        }
        return last;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
