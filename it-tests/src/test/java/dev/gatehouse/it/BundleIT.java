package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Micro bundle as the README starts it, on an empty data directory (a first start): it becomes ready as a single
 * node without a data grid, listening on its HTTP port and nothing else, the first administrator signs in and keeps a
 * session, and its console shows Gatehouse's own lines and little else.
 */
class BundleIT {
    private static final int PORT = 18483;

    @Test
    void aFirstStartIsQuietListensOnItsHttpPortOnlyAndKeepsSessions(@TempDir Path dir) throws Exception {
        Map<String, String> environment = Map.of(
                "GATEHOUSE_DATA_DIR", dir.resolve("data").toString(),
                "GATEHOUSE_ADMIN_PASSWORD", It.adminPassword(),
                "GATEHOUSE_BASE_URL", "http://127.0.0.1:" + PORT);
        try (MicroNode node = MicroNode.single("bundle", PORT, dir.resolve("node"), environment)) {
            node.start().awaitReady(Duration.ofMinutes(3));

            assertThat(Http.anonymous().at(node.url()).get("/health/ready").body())
                    .contains("\"mode\":\"single node\"");
            // a lone Payara Micro starts a data grid member on 0.0.0.0:6900 unless told not to
            assertThat(listeningPorts(node.process().pid())).containsExactly(PORT);

            // sessions work without the grid (the web application is distributable)
            Http browser = Http.anonymous().at(node.url());
            Http.Response signedIn = browser.signIn("admin", It.adminPassword());
            assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
            assertThat(browser.get("/console/users").status()).isEqualTo(200);

            List<String> console = Files.readAllLines(node.log(), StandardCharsets.UTF_8);
            assertThat(console).anyMatch(line -> line.contains("Gatehouse started"));
            assertThat(console).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("hazelcast"));
            assertThat(console).as("the console of a first start").hasSizeLessThanOrEqualTo(20);
            assertThat(String.join("\n", console)).doesNotContain(It.adminPassword());
        }
    }

    /** The TCP ports the process listens on, as {@code ss} lists them. */
    private static Set<Integer> listeningPorts(long pid) throws IOException, InterruptedException {
        Process ss =
                new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ss.exitValue()).as("ss -ltnpH: " + out).isZero();
        Set<Integer> ports = new TreeSet<>();
        Pattern local = Pattern.compile("^\\S+\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d+)\\s");
        for (String line : out.split("\n")) {
            if (line.contains("pid=" + pid + ",")) {
                Matcher m = local.matcher(line);
                assertThat(m.find()).as("an ss line: " + line).isTrue();
                ports.add(Integer.parseInt(m.group(2)));
            }
        }
        return ports;
    }
}
