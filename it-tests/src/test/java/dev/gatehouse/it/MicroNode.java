package dev.gatehouse.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Micro bundle ({@code gatehouse.it.micro}) in a process of its own, HTTP bound to 127.0.0.1: one node of a
 * Gatehouse cluster, its data grid on 127.0.0.1 too, joining the members named by TCP/IP (as docs/operations.md
 * shows), or, by {@link #single}, the bundle as the README starts it. Stopped on close; {@link #kill()} is SIGKILL.
 */
final class MicroNode implements AutoCloseable {
    final String name;
    final int port;
    private final Path dir;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment;
    private boolean clustered;
    private Process process;

    /**
     * @param gridPort this node's data grid port; @param members every node's {@code 127.0.0.1:<grid port>}
     * @param environment Gatehouse's settings for the node (GATEHOUSE_*)
     */
    MicroNode(
            String name,
            int port,
            int gridPort,
            String members,
            String clusterName,
            Path dir,
            Map<String, String> environment) {
        this(
                name,
                port,
                dir,
                environment,
                LOOPBACK_HTTP
                        + "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true\n"
                        + "set configs.config.server-config.hazelcast-config-specific-configuration.clustering-enabled=true\n"
                        + "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=true\n");
        clustered = true;
        command.add(1, "-Dhazelcast.socket.bind.any=false");
        command.add(2, "-Dhazelcast.phone.home.enabled=false");
        command.addAll(List.of(
                "--clustermode",
                "tcpip:" + members,
                "--clustername",
                clusterName,
                "--startport",
                Integer.toString(gridPort),
                "--interfaces",
                "127.0.0.1",
                "--hzpublicaddress",
                "127.0.0.1",
                // both nodes share one address here: without this, the grid keeps no backup on the other node
                "--nohostaware"));
    }

    private static final String LOOPBACK_HTTP =
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n";

    private MicroNode(String name, int port, Path dir, Map<String, String> environment, String preBootCommands) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.environment = environment;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pre-boot-commands.txt"), preBootCommands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                It.property("gatehouse.it.micro"),
                "--port",
                Integer.toString(port),
                "--prebootcommandfile",
                dir.resolve("pre-boot-commands.txt").toString()));
    }

    /** The bundle with its own settings, as the README starts it (only its HTTP listener bound to 127.0.0.1). */
    static MicroNode single(String name, int port, Path dir, Map<String, String> environment) {
        return new MicroNode(name, port, dir, environment, LOOPBACK_HTTP);
    }

    /** The process, once started. */
    ProcessHandle process() {
        return process.toHandle();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the node printed (its console: standard output and error). */
    Path log() {
        return dir.resolve("server.log");
    }

    MicroNode start() {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the node is ready and, in a cluster, answers decisions (it heard from every live node). */
    MicroNode awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http probe = Http.anonymous().at(url());
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " stopped; see " + log());
            }
            try {
                Http.Response ready = probe.get("/health/ready");
                last = ready.toString();
                if (ready.status() == 200 && (!clustered || ready.body().contains("\"decisions\":\"answered\""))) {
                    return this;
                }
            } catch (UncheckedIOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node " + name + " not ready in " + timeout + ": " + last + "; see " + log());
    }

    /** SIGKILL: the node stops at once, without leaving the cluster. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
