package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Directory logins against the Samba Active Directory domain controller the README test command starts on 127.0.0.1
 * (scripts/samba.sh): through the login page and the storage servers' authentication API, each bind outcome mapped
 * to its reason in the audit log and a generic message to the user.
 */
abstract class DirectoryChecks {
    static final String DOMAIN = "corp.gatehouse.test";

    final Http admin = Http.admin();
    final String site = "dir-" + AdminApiChecks.suffix();
    String password;
    Http storage;

    @BeforeEach
    void directory() throws Exception {
        Path ca = Path.of(It.property("gatehouse.it.samba.ca"));
        password = It.secret(It.property("gatehouse.it.samba.password"));
        awaitDomainController(ca, Duration.ofSeconds(90));
        SsoFixture.childSite(admin, site, "Directory " + site);
        Http.Response saved = admin.json(
                "PUT",
                "/api/v1/sites/" + site + "/directory",
                Json.createObjectBuilder()
                        .add("domain", DOMAIN)
                        .add("controllers", Json.createArrayBuilder().add("127.0.0.1"))
                        .add("transport", "ldaps")
                        .add("trustedCertificates", Files.readString(ca))
                        .build()
                        .toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonObject client = StorageFixture.ok(
                        admin.json("POST", "/api/v1/sites/" + site + "/storage/clients", "{\"name\":\"nas\"}"))
                .object();
        storage = Http.basic(client.getString("id"), It.secret(client.getString("secret")));
    }

    /** A file client's sign-in, asked by the site's storage server. */
    JsonObject authenticate(String username, String secret) {
        Http.Response response = storage.json(
                "POST",
                "/api/v1/storage/authenticate",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", secret)
                        .build()
                        .toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.object();
    }

    /** A file client's sign-in while no controller can be used: 503 (not a failed sign-in); whether it was allowed. */
    boolean unavailable(String username, String secret) {
        Http.Response response = storage.json(
                "POST",
                "/api/v1/storage/authenticate",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", secret)
                        .build()
                        .toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        return response.object().getBoolean("allowed");
    }

    /** Fails loudly when the domain controller never comes: a skipped directory test is no pass. */
    static void awaitDomainController(Path ca, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(ca)) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", 636), 1000);
                    return;
                } catch (IOException notYet) {
                    // Samba is still starting
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the Samba domain controller did not start; see .cache/samba-start.log");
    }

    String lastAuditDetail(String containing) {
        return admin.get("/api/v1/audit?size=50&site=" + site).object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .map(e -> e.getString("detail"))
                .filter(d -> d.contains(containing))
                .findFirst()
                .orElse("");
    }

    @Test
    void aDirectoryUserSignsInOnTheLoginPageAndIsLinkedByObjectGuid() {
        Http browser = Http.anonymous();
        Http.Response signedIn = browser.signIn("alice@" + DOMAIN, password, site);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        assertThat(browser.get("/?site=" + site).body()).contains("alice@" + DOMAIN);

        JsonObject user = SsoFixture.userOf(admin, site, "alice@" + DOMAIN);
        assertThat(user.getString("authMethod")).isEqualTo("directory");
        assertThat(user.getString("displayName")).isEqualTo("Alice Smith");
        assertThat(Http.anonymous().signIn("alice", password, site).status())
                .as("the sAMAccountName signs in as the same user")
                .isEqualTo(303);
    }

    @Test
    void theTrustedCertificateIsAmongTheExpiringCredentials() {
        JsonObject certificate = admin.get("/api/v1/sites/" + site + "/credentials").array().stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("type").equals("DIRECTORY_LDAPS_CERTIFICATE"))
                .findFirst()
                .orElseThrow();
        // scripts/samba.sh makes a CA that lives 60 days
        assertThat(certificate.getString("state")).isEqualTo("VALID");
        assertThat(certificate.getJsonNumber("daysLeft").longValue()).isBetween(58L, 60L);
        assertThat(certificate.getString("name")).contains(DOMAIN, "Gatehouse test CA");
        assertThat(certificate.getString("whenExpired")).contains("directory login");
    }

    @Test
    void everyBindOutcomeIsNamedInTheAuditLogAndGenericToTheUser() {
        JsonObject allowed = authenticate("alice@" + DOMAIN, password);
        assertThat(allowed.getBoolean("allowed")).isTrue();
        assertThat(allowed.getString("login")).isEqualTo("alice@" + DOMAIN);

        record Case(String login, String secret, String audited) {}
        for (Case c : new Case[] {
            new Case("alice", "not her password", "directory: wrong password"),
            new Case("dave", password, "directory: disabled"),
            new Case("mona", password, "directory: must change password"),
            new Case("eve", password, "directory: expired")
        }) {
            JsonObject refused = authenticate(c.login(), c.secret());
            assertThat(refused.getBoolean("allowed")).as(c.login()).isFalse();
            assertThat(refused.getString("reason"))
                    .as("the same words for every refusal")
                    .isEqualTo("the login or password is wrong, or this account cannot sign in here");
            assertThat(lastAuditDetail(c.audited())).as(c.login()).contains("data ");
        }
    }

    void controllers(String... controllers) throws Exception {
        var list = Json.createArrayBuilder();
        for (String controller : controllers) {
            list.add(controller);
        }
        StorageFixture.ok(admin.json(
                "PUT",
                "/api/v1/sites/" + site + "/directory",
                Json.createObjectBuilder()
                        .add("domain", DOMAIN)
                        .add("controllers", list)
                        .add("trustedCertificates", Files.readString(Path.of(It.property("gatehouse.it.samba.ca"))))
                        .build()
                        .toString()));
    }

    java.util.List<JsonObject> preflight() {
        Http.Response answer = admin.json("POST", "/api/v1/sites/" + site + "/directory/preflight", "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.object().getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .toList();
    }

    @Test
    void thePreflightPassesAndNamesAWrongHostNameOrCertificateWithItsFix() throws Exception {
        java.util.List<JsonObject> good = preflight();
        assertThat(good).allMatch(c -> c.getBoolean("passed"), "every line passes");
        assertThat(good.stream().map(c -> c.getString("name")))
                .contains(
                        "name resolution",
                        "reachability",
                        "certificate chain",
                        "certificate host name",
                        "certificate expiry",
                        "root DSE",
                        "clock");

        controllers("[::1]");
        JsonObject name = preflight().stream()
                .filter(c -> c.getString("name").equals("certificate host name"))
                .findFirst()
                .orElseThrow();
        assertThat(name.getBoolean("passed")).isFalse();
        assertThat(name.getString("fix")).contains("subject alternative names");

        controllers("127.0.0.1");
        StorageFixture.ok(admin.json(
                "PUT",
                "/api/v1/sites/" + site + "/directory",
                Json.createObjectBuilder()
                        .add("domain", DOMAIN)
                        .add("controllers", Json.createArrayBuilder().add("127.0.0.1"))
                        .add("trustedCertificates", otherCertificate())
                        .build()
                        .toString()));
        JsonObject chain = preflight().stream()
                .filter(c -> c.getString("name").equals("certificate chain"))
                .findFirst()
                .orElseThrow();
        assertThat(chain.getBoolean("passed")).isFalse();
        assertThat(chain.getString("fix")).contains("trustedCertificates");
    }

    /** A real CA certificate that has nothing to do with the domain controller: the JDK's first trusted one. */
    static String otherCertificate() throws Exception {
        java.security.KeyStore cacerts = java.security.KeyStore.getInstance(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                        .toFile(),
                "changeit".toCharArray());
        java.security.cert.Certificate other =
                cacerts.getCertificate(cacerts.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(other.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void aControllerUnderAnotherNameIsNeverAskedThePasswordAndTheNextOneIs() throws Exception {
        // Samba answers on [::1] too, with a certificate for 127.0.0.1 and localhost only
        controllers("[::1]");
        assertThat(unavailable("alice", password)).isFalse();
        assertThat(lastAuditDetail("no domain controller answered")).contains("[::1]");

        controllers("[::1]", "127.0.0.1");
        assertThat(authenticate("alice", password).getBoolean("allowed"))
                .as("the second controller, after the first one's TLS failed")
                .isTrue();
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        String pem = otherCertificate();
        StorageFixture.ok(admin.json(
                "PUT",
                "/api/v1/sites/" + site + "/directory",
                Json.createObjectBuilder()
                        .add("domain", DOMAIN)
                        .add("controllers", Json.createArrayBuilder().add("127.0.0.1"))
                        .add("trustedCertificates", pem)
                        .build()
                        .toString()));
        assertThat(unavailable("alice", password)).isFalse();
        assertThat(lastAuditDetail("no domain controller answered")).contains("127.0.0.1");
    }

    @Test
    void ldapSpecialCharactersInANameAreEscaped() {
        // jo(eu): the search for its entry escapes the parentheses (RFC 4515); the directory accepts the password,
        // then Gatehouse refuses the name as a login, saying so in the audit log
        assertThat(authenticate("jo(eu)", password).getBoolean("allowed")).isFalse();
        assertThat(lastAuditDetail("jo(eu)@" + DOMAIN)).contains("is not a valid login");
        assertThat(authenticate("*", password).getBoolean("allowed")).isFalse();
    }

    @Test
    void aBlackHoledFirstControllerCostsOneConnectTimeoutAndTheSecondAnswers() throws Exception {
        // L4: a listener whose accept queue is full drops further connection attempts, as a firewall does
        try (java.net.ServerSocket hole =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.List<Socket> queued = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    queued.add(filler);
                    try {
                        filler.connect(hole.getLocalSocketAddress(), 300);
                    } catch (IOException full) {
                        break; // the queue is full: the port is a black hole now
                    }
                }
                controllers("127.0.0.1:" + hole.getLocalPort(), "127.0.0.1");
                long started = System.nanoTime();
                assertThat(authenticate("alice", password).getBoolean("allowed"))
                        .as("the second controller answers")
                        .isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as("about one connect timeout, not the whole request deadline")
                        .isLessThan(Duration.ofSeconds(15));
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void withEveryControllerDownLoginsAnswer503AtOnceWithoutCountingAsFailures() throws Exception {
        // L7: the only controller black-holed (a listener with a full accept queue)
        try (java.net.ServerSocket hole =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.util.List<Socket> queued = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    queued.add(filler);
                    try {
                        filler.connect(hole.getLocalSocketAddress(), 300);
                    } catch (IOException full) {
                        break;
                    }
                }
                controllers("127.0.0.1:" + hole.getLocalPort());
                String body = Json.createObjectBuilder()
                        .add("username", "alice")
                        .add("password", password)
                        .build()
                        .toString();
                Http.Response first = storage.json("POST", "/api/v1/storage/authenticate", body);
                assertThat(first.status()).as(first.toString()).isEqualTo(503);
                assertThat(first.object().getString("reason")).contains("directory cannot be reached");
                long started = System.nanoTime();
                Http.Response second = storage.json("POST", "/api/v1/storage/authenticate", body);
                assertThat(second.status()).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as("the controller that did not answer is not waited for again at once")
                        .isLessThan(Duration.ofSeconds(2));
                Http.Response page = Http.anonymous().signIn("alice", password, site);
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.body()).contains("cannot be reached");
                assertThat(lastAuditDetail("no domain controller answered")).contains("did not answer");
                for (int i = 0; i < 6; i++) {
                    assertThat(storage.json("POST", "/api/v1/storage/authenticate", body)
                                    .status())
                            .as("an outage is not the user's failure: never throttled (429)")
                            .isEqualTo(503);
                }
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
