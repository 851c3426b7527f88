package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domain join against the Samba domain controller of the README test command: the computer account checked with
 * {@code ldapsearch}, its keytab with {@code kinit -k}, a failure mid-way leaving nothing, leave removing the account.
 */
abstract class DomainJoinChecks {
    final Http admin = Http.admin();
    final String sfx = AdminApiChecks.suffix();
    final String site = "join-" + sfx;
    /** A NetBIOS name of this run: GH and 8 hex digits. */
    final String machine = ("GH" + sfx).toUpperCase(Locale.ROOT);

    Samba samba;

    @BeforeEach
    void domainController() throws Exception {
        Path ca = Path.of(It.property("gatehouse.it.samba.ca"));
        String administratorPassword = It.secret(It.property("gatehouse.it.samba.admin-password"));
        DirectoryChecks.awaitDomainController(ca, Duration.ofSeconds(90));
        samba = new Samba(ca, administratorPassword);
        SsoFixture.childSite(admin, site, "Join " + site);
        Http.Response saved = admin.json(
                "PUT",
                "/api/v1/sites/" + site + "/directory",
                Json.createObjectBuilder()
                        .add("domain", DirectoryChecks.DOMAIN)
                        .add("controllers", Json.createArrayBuilder().add("127.0.0.1"))
                        .add("trustedCertificates", Files.readString(ca))
                        .add("serviceAccount", "administrator@" + DirectoryChecks.DOMAIN)
                        .add("servicePassword", administratorPassword)
                        .add("syncIntervalMinutes", 0)
                        .add("machineName", machine.toLowerCase(Locale.ROOT))
                        .build()
                        .toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.object().getString("machineName")).isEqualTo(machine);
        assertThat(saved.object().getString("computerContainer")).isEqualTo("CN=Computers," + Samba.BASE);
    }

    /** Starts a join or leave and waits for its end. */
    JsonObject job(String action) throws InterruptedException {
        Http.Response started = admin.json("POST", "/api/v1/sites/" + site + "/directory/" + action, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.object().getString("id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonObject job =
                    admin.get("/api/v1/sites/" + site + "/directory/jobs/" + id).object();
            if (!job.getString("state").equals("running")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the " + action + " did not end within 60 s");
    }

    static List<String> steps(JsonObject job) {
        return job.getJsonArray("steps").stream()
                .map(JsonObject.class::cast)
                .map(step -> step.getString("name") + ": " + step.getString("state"))
                .toList();
    }

    @Test
    void theJoinCreatesTheComputerAccountAndAKeytabKinitAcceptsAndLeaveRemovesIt() throws Exception {
        List<String> preflight = admin
                .json("POST", "/api/v1/sites/" + site + "/directory/preflight", "")
                .object()
                .getJsonArray("checks")
                .stream()
                .map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("kerberos"))
                .map(check -> check.getBoolean("passed") + " " + check.getString("detail"))
                .toList();
        assertThat(preflight)
                .as("a Kerberos AS exchange as the join account")
                .singleElement()
                .asString()
                .startsWith("true");

        JsonObject joined = job("join");

        assertThat(joined.getString("state")).as(joined.toString()).isEqualTo("succeeded");
        assertThat(steps(joined))
                .containsExactly(
                        "connect: succeeded",
                        "check the machine name: succeeded",
                        "create the computer account: succeeded",
                        "set the host name, service principal names and AES encryption types: succeeded",
                        "write the keytab: succeeded",
                        "prove the keytab with a Kerberos login: succeeded");
        String account = samba.search(
                "(sAMAccountName=" + machine + "$)",
                "userAccountControl",
                "servicePrincipalName",
                "msDS-SupportedEncryptionTypes",
                "dNSHostName");
        assertThat(account)
                .contains("dn: CN=" + machine + ",CN=Computers," + Samba.BASE)
                .contains("userAccountControl: 4096")
                .contains("msDS-SupportedEncryptionTypes: 24")
                .contains("servicePrincipalName: HOST/" + machine)
                .contains("dNSHostName: " + machine.toLowerCase(Locale.ROOT) + "." + DirectoryChecks.DOMAIN);
        byte[] keytab = admin.download("/api/v1/sites/" + site + "/directory/keytab");
        samba.kinit(keytab, machine + "$@" + Samba.REALM);
        JsonObject health = admin.json("POST", "/api/v1/sites/" + site + "/directory/health", "")
                .object();
        assertThat(health.getBoolean("passed")).as(health.toString()).isTrue();
        Http.Response again = admin.json("POST", "/api/v1/sites/" + site + "/directory/join", "");
        assertThat(again.status()).as("a member already").isEqualTo(409);

        JsonObject left = job("leave");

        assertThat(left.getString("state")).as(left.toString()).isEqualTo("succeeded");
        assertThat(samba.search("(sAMAccountName=" + machine + "$)", "dn")).doesNotContain("dn:");
        assertThat(admin.get("/api/v1/sites/" + site + "/directory/membership").status())
                .isEqualTo(404);
    }

    @Test
    void aJoinThatFailsMidwayRemovesWhatItCreatedAndSaysWhichStepAndWhy() throws Exception {
        // another account holds the service principal name the join will set
        samba.modify("dn: CN=spn-" + sfx + ",CN=Users," + Samba.BASE + "\nchangetype: add\nobjectClass: user\n"
                + "sAMAccountName: spn-" + sfx + "\nservicePrincipalName: HOST/" + machine.toLowerCase(Locale.ROOT)
                + "." + DirectoryChecks.DOMAIN + "\n\n");

        JsonObject failed = job("join");

        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(steps(failed))
                .contains(
                        "create the computer account: succeeded",
                        "set the host name, service principal names and AES encryption types: failed",
                        "undo: create the computer account: succeeded");
        assertThat(failed.toString()).contains("CONSTRAINT_VIOLATION");
        assertThat(samba.search("(sAMAccountName=" + machine + "$)", "dn")).doesNotContain("dn:");
        assertThat(admin.get("/api/v1/sites/" + site + "/directory/membership").status())
                .isEqualTo(404);
        List<String> audit = admin.get("/api/v1/audit?size=50&site=" + site).object().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .map(event -> event.getString("type") + " " + event.getString("detail"))
                .toList();
        assertThat(audit).anyMatch(line -> line.startsWith("DIRECTORY_JOINED join failed"));
    }
}
