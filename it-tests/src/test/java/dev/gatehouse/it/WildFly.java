package dev.gatehouse.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A throw-away WildFly standalone server (the distribution Maven Central serves, unpacked by the build) with the
 * MicroProfile configuration, every socket on 127.0.0.1 and shifted by {@value #PORT_OFFSET}, {@code /} left to
 * Gatehouse. Deploys by the deployment scanner; stops itself (and its JVM) on close
 * and when the test JVM exits.
 */
final class WildFly implements AutoCloseable {
    static final int PORT_OFFSET = 10500;
    static final int HTTP_PORT = 8080 + PORT_OFFSET;
    static final int MANAGEMENT_PORT = 9990 + PORT_OFFSET;

    private final Path home;
    private final Path base;
    private final Map<String, String> environment;
    private Process process;
    private Thread stopOnExit;

    /** @param base where this server keeps its configuration, deployments, data and log (emptied first) */
    WildFly(Path home, Path base, Map<String, String> environment) {
        this.home = home;
        this.base = base;
        this.environment = environment;
    }

    void start() throws IOException {
        Trees.delete(base);
        Trees.copy(home.resolve("standalone"), base);
        Path xml = base.resolve("configuration/standalone-microprofile.xml");
        // older distributions serve a welcome page at /; this one may not
        Files.writeString(xml, Files.readString(xml).replace("<location name=\"/\" handler=\"welcome-content\"/>", ""));
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        "standalone-microprofile.xml",
                        "-Djboss.server.base.dir=" + base,
                        "-b",
                        "127.0.0.1",
                        "-bmanagement",
                        "127.0.0.1",
                        "-Djboss.socket.binding.port-offset=" + PORT_OFFSET)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().putAll(environment);
        stopOnExit = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        process = builder.start();
    }

    /** Copies the archive to the deployment scanner and waits for its marker; a failed deployment fails with its reason. */
    void deploy(Path archive, Duration timeout) throws IOException, InterruptedException {
        Path deployments = base.resolve("deployments");
        Files.copy(archive, deployments.resolve(archive.getFileName()));
        Path deployed = deployments.resolve(archive.getFileName() + ".deployed");
        Path failed = deployments.resolve(archive.getFileName() + ".failed");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(deployed)) {
                return;
            }
            if (Files.exists(failed)) {
                throw new AssertionError("WildFly refused " + archive.getFileName() + ": " + Files.readString(failed));
            }
            if (!process.isAlive()) {
                throw new AssertionError("WildFly stopped; see " + base.resolve("console.log"));
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                archive.getFileName() + " not deployed within " + timeout + "; see " + base.resolve("log/server.log"));
    }

    Path serverLog() {
        return base.resolve("log/server.log");
    }

    @Override
    public void close() {
        stop();
        if (stopOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** Stops the server's JVM (a child of the start script) and the script. */
    private void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
