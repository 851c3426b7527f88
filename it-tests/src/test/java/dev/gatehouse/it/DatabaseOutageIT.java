package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL lane only (it stops the lane's database): while the database is down the decision API denies with 503,
 * the admin API answers 503 within its connect timeout and readiness reports it; once it is back, decisions are
 * answered again without a restart (rows R1 and R3).
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(It.property("gatehouse.it.war")));
    }

    @Test
    void decisionsAreDeniedWith503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
        StorageFixture f = new StorageFixture().create();
        f.entry(f.folder, "everyone", "READ_ONLY");
        assertThat(f.allowed(f.alice, "read", f.folder)).isTrue();
        String body = "{\"user\":\"" + f.alice + "\",\"action\":\"read\",\"path\":\"" + f.folder + "\"}";

        pgCtl("stop", "-m", "fast");
        try {
            Http.Response denied = await(() -> f.storage.json("POST", "/api/v1/storage/decisions", body), 503);
            assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
            assertThat(denied.object().getString("detail")).startsWith("decision denied: the database is unavailable");
            assertThat(Http.anonymous().get("/health/ready").status()).isEqualTo(503);
            Instant asked = Instant.now();
            Http.Response admin = f.admin.get("/api/v1/sites");
            assertThat(admin.status()).isEqualTo(503);
            assertThat(admin.header("Retry-After")).isEqualTo("5");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        } finally {
            pgCtl("start", "-w", "-t", "60", "-o", It.property("gatehouse.it.postgres.options"));
        }

        Http.Response back = await(() -> f.storage.json("POST", "/api/v1/storage/decisions", body), 200);
        JsonObject decision = back.object();
        assertThat(decision.getBoolean("allowed")).isTrue();
    }

    private static Http.Response await(java.util.function.Supplier<Http.Response> call, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Http.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("expected " + status + " within 60 s, last answer: " + last);
    }

    /** Runs pg_ctl on the lane's cluster, as its owner when this JVM is root. */
    private static void pgCtl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(It.property("gatehouse.it.postgres.bin") + "/pg_ctl");
        command.addAll(List.of(
                "-D",
                It.property("gatehouse.it.postgres.data"),
                "-l",
                It.property("gatehouse.it.postgres.data") + "/../postgres.log"));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("pg_ctl " + String.join(" ", arguments) + ": " + output)
                .isZero();
    }
}
