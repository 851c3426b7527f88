package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.sso.saml.TestMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Micro nodes sharing one PostgreSQL database and Payara's data grid on 127.0.0.1, set up as docs/operations.md
 * shows, both with the public URL of node A (as behind a load balancer): a change through one node is decided on the
 * other at once (R3), guesses spread over both are throttled as on one, a SAML sign-in started on one node completes
 * on the other and its response is refused on both afterwards, the metadata refresh runs once for the cluster, and a
 * node killed with SIGKILL loses no sign-in in progress and no signed-in session (R2).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int PORT_A = 18481;
    private static final int PORT_B = 18482;
    private static final String MEMBERS = "127.0.0.1:16901,127.0.0.1:16902";
    private static MicroNode a;
    private static MicroNode b;
    private static HttpServer metadataServer;
    private static final List<Long> metadataFetches = Collections.synchronizedList(new ArrayList<>());
    private static String providerId;
    private static JsonObject provider;
    private static long providerCreatedAt;
    private static String adminToken;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String xml = TestMetadata.xml(List.of("idp"), "https://login.example/sso");
        metadataServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metadataServer.createContext("/metadata", exchange -> {
            metadataFetches.add(System.nanoTime());
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metadataServer.start();

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> shared = new HashMap<>();
        shared.put("GATEHOUSE_DB_URL", It.property("gatehouse.it.cluster.db-url"));
        shared.put("GATEHOUSE_DB_USER", System.getenv("GATEHOUSE_DB_USER"));
        shared.put("GATEHOUSE_DB_PASSWORD", System.getenv("GATEHOUSE_DB_PASSWORD"));
        shared.put("GATEHOUSE_CLUSTER_ENABLED", "true");
        shared.put("GATEHOUSE_BASE_URL", "http://127.0.0.1:" + PORT_A);
        shared.put("GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
        shared.put("GATEHOUSE_ADMIN_PASSWORD", It.adminPassword());
        shared.put("GATEHOUSE_SAML_METADATA_REFRESH_MINUTES", "1");
        shared.put("GATEHOUSE_OUTBOUND_ALLOW_INTERNAL_HOSTS", "true");
        Path root = Path.of(It.property("gatehouse.it.cluster.dir"));
        Trees.delete(root);
        String clusterName = "gatehouse-it-" + UUID.randomUUID().toString().substring(0, 8);
        a = node("a", PORT_A, 16901, clusterName, root, shared);
        // the first node prepares the empty database (migrations, default site, first administrator) alone
        a.start().awaitReady(Duration.ofSeconds(240));
        b = node("b", PORT_B, 16902, clusterName, root, shared);
        b.start().awaitReady(Duration.ofSeconds(240));
        a.awaitReady(Duration.ofSeconds(30));

        // an API token: no password hash per call, as an automation would call the API
        Http basic = Http.admin().at(a.url());
        String adminId = basic.get("/api/v1/sites/default/users?size=500").object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getString("login").equals("admin"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        adminToken = It.secret(StorageFixture.ok(basic.json(
                        "POST",
                        "/api/v1/sites/default/users/" + adminId + "/api-tokens",
                        "{\"name\":\"cluster test\"}"))
                .object()
                .getString("secret"));

        provider = StorageFixture.ok(admin(a).json(
                                "POST",
                                "/api/v1/sites/default/providers",
                                Json.createObjectBuilder()
                                        .add("displayName", "Entra for the cluster " + AdminApiChecks.suffix())
                                        .add("kind", "saml")
                                        .add(
                                                "settings",
                                                Json.createObjectBuilder()
                                                        .add("trust", "METADATA_URL")
                                                        .add(
                                                                "metadataUrl",
                                                                "http://127.0.0.1:"
                                                                        + metadataServer
                                                                                .getAddress()
                                                                                .getPort()
                                                                        + "/metadata")
                                                        .add("justInTime", true))
                                        .build()
                                        .toString()))
                .object();
        providerId = provider.getString("id");
        providerCreatedAt = System.nanoTime();
    }

    private static MicroNode node(
            String name, int port, int gridPort, String cluster, Path root, Map<String, String> shared) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("GATEHOUSE_DATA_DIR", root.resolve(name + "-data").toString());
        return new MicroNode(name, port, gridPort, MEMBERS, cluster, root.resolve(name), environment);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (MicroNode node : new MicroNode[] {a, b}) {
                if (node != null) {
                    node.close();
                    assertThat(Files.readString(node.log())).doesNotContain(It.adminPassword());
                }
            }
        } finally {
            if (metadataServer != null) {
                metadataServer.stop(0);
            }
        }
    }

    private static Http admin(MicroNode node) {
        return Http.authorized("Bearer " + adminToken).at(node.url());
    }

    @Test
    @Order(1)
    void eachNodeShowsTheClusterInItsHealthAndMetrics() {
        for (MicroNode node : new MicroNode[] {a, b}) {
            Http.Response health = Http.anonymous().at(node.url()).get("/health/ready");
            assertThat(health.body())
                    .contains("\"mode\":\"grid\"")
                    .contains("\"members\":\"2\"")
                    .contains("127.0.0.1:16901")
                    .contains("127.0.0.1:16902")
                    .contains("\"decisions\":\"answered\"");
            assertThat(Http.anonymous()
                            .at(node.url())
                            .get("/metrics?scope=application")
                            .body())
                    .containsPattern("gatehouse_grid_members(\\{[^}]*\\})? 2(\\.0)?\\b");
        }
    }

    @Test
    @Order(2)
    void aChangeThroughOneNodeIsDecidedOnTheOtherAtOnce() {
        Http adminA = admin(a);
        StorageFixture world = new StorageFixture(adminA).create();
        String alice = world.alice;
        String folder = world.folder;
        Map<MicroNode, Http> admins = Map.of(a, adminA, b, admin(b));
        Map<MicroNode, Http> storage = Map.of(
                a, Http.basic(world.clientId, world.clientSecret).at(a.url()),
                b, Http.basic(world.clientId, world.clientSecret).at(b.url()));

        int stale = 0;
        String entry = null;
        for (int i = 0; i < 200; i++) {
            MicroNode changer = i % 2 == 0 ? a : b;
            MicroNode decider = changer == a ? b : a;
            if (entry == null) {
                entry = StorageFixture.entry(admins.get(changer), folder, "user:" + alice, "READ_ONLY")
                        .object()
                        .getString("id");
            } else {
                StorageFixture.ok(admins.get(changer).delete("/api/v1/sites/default/storage/entries/" + entry));
                entry = null;
            }
            Http.Response decision = storage.get(decider)
                    .json(
                            "POST",
                            "/api/v1/storage/decisions",
                            "{\"user\":\"" + alice + "\",\"action\":\"read\",\"path\":\"" + folder
                                    + "/report\",\"bytes\":0}");
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            boolean allowed = decision.object().getBoolean("allowed");
            if (allowed != (entry != null)) {
                stale++;
            }
        }
        assertThat(stale)
                .as("decisions that did not reflect the change just answered by the other node")
                .isZero();

        // a storage client revoked through one node is refused by the other at once
        StorageFixture.ok(admin(b).delete("/api/v1/sites/default/storage/clients/" + world.clientId));
        assertThat(storage.get(a)
                        .json(
                                "POST",
                                "/api/v1/storage/decisions",
                                "{\"user\":\"" + alice + "\",\"action\":\"read\",\"path\":\"" + folder
                                        + "\",\"bytes\":0}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    void wrongPasswordsSpreadOverBothNodesAreThrottledAsOnOne() {
        String login = "spread." + AdminApiChecks.suffix();
        StorageFixture.ok(admin(a).json(
                        "POST",
                        "/api/v1/sites/default/users",
                        "{\"login\":\"" + login + "\",\"displayName\":\"S\",\"password\":\"the owner's password\"}"));
        Map<MicroNode, Http> attacker =
                Map.of(a, Http.anonymous().at(a.url()), b, Http.anonymous().at(b.url()));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(
                    attacker.get(i % 2 == 0 ? a : b).signIn(login, "guess " + i).status());
        }
        assertThat(statuses).allMatch(s -> s == 401 || s == 429);
        assertThat(statuses.subList(0, 5)).as("five free guesses in all").containsOnly(401);
        assertThat(statuses.get(5))
                .as("the sixth guess, on either node, waits: the nodes count one account's failures together")
                .isEqualTo(429);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThan(80);
    }

    @Test
    @Order(4)
    void aSignInStartedOnOneNodeCompletesOnTheOtherAndCannotBeReplayedOnEither() {
        Http browser = Http.anonymous();
        String upn = "cross." + AdminApiChecks.suffix() + "@contoso.example";
        String response = signedResponse(browser.at(a.url()), upn);
        Http.Response signedIn =
                browser.at(b.url()).form("/saml/" + providerId + "/acs", Map.of("SAMLResponse", response));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(browser.at(b.url()).get("/").body()).contains(upn);
        assertThat(browser.at(a.url()).get("/").body())
                .as("the session is the cluster's")
                .contains(upn);

        for (MicroNode node : new MicroNode[] {a, b}) {
            Http.Response replay = Http.anonymous()
                    .at(node.url())
                    .form("/saml/" + providerId + "/acs", Map.of("SAMLResponse", response));
            assertThat(replay.status()).as("replayed to node " + node.name).isEqualTo(400);
            assertThat(replay.body()).contains("already used");
        }
    }

    @Test
    @Order(5)
    void theMetadataRefreshRunsOnceForTheCluster() throws InterruptedException {
        // each node's schedule ticks every minute; the cluster's lease lets one of them fetch per minute
        long deadline = providerCreatedAt + Duration.ofSeconds(150).toNanos();
        while (refreshesSinceCreation().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        List<Long> refreshes = refreshesSinceCreation();
        assertThat(refreshes).as("scheduled metadata fetches in 150 s").hasSize(2);
        assertThat(Duration.ofNanos(refreshes.get(1) - refreshes.get(0)))
                .as("one refresh per minute for the cluster, not one per node")
                .isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    @Order(6)
    void aKilledNodeLosesNoSignInInProgressAndNoSignedInSession() throws InterruptedException {
        // a session made on node A
        Http signedInOnA = Http.anonymous();
        String upnA = "session." + AdminApiChecks.suffix() + "@contoso.example";
        String first = signedResponse(signedInOnA.at(b.url()), upnA);
        assertThat(signedInOnA
                        .at(a.url())
                        .form("/saml/" + providerId + "/acs", Map.of("SAMLResponse", first))
                        .status())
                .isEqualTo(303);
        // a sign-in whose request node A made, in progress when A dies
        Http inProgress = Http.anonymous();
        String upnB = "inflight." + AdminApiChecks.suffix() + "@contoso.example";
        String second = signedResponse(inProgress.at(a.url()), upnB);

        a.kill();

        Http.Response completed =
                inProgress.at(b.url()).form("/saml/" + providerId + "/acs", Map.of("SAMLResponse", second));
        assertThat(completed.status()).as(completed.body()).isEqualTo(303);
        assertThat(inProgress.at(b.url()).get("/").body()).contains(upnB);
        assertThat(signedInOnA.at(b.url()).get("/").body())
                .as("the session made on the killed node")
                .contains(upnA);
        // and node B goes on deciding once the dead node's lease has expired
        b.awaitReady(Duration.ofSeconds(30));
    }

    /** Starts a sign-in on the node {@code browser} points at, and returns Entra's signed answer to it. */
    private static String signedResponse(Http browser, String upn) {
        return SsoFixture.entraAnswer(browser, provider, upn);
    }

    private static List<Long> refreshesSinceCreation() {
        synchronized (metadataFetches) {
            return metadataFetches.stream().filter(t -> t > providerCreatedAt).toList();
        }
    }
}
