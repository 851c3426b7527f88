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
 * One node of a Gatehouse cluster: the Micro bundle ({@code gatehouse.it.micro}) in a process of its own, HTTP and its
 * data grid bound to 127.0.0.1, joining the members named by TCP/IP (as docs/operations.md shows). Stopped on close;
 * {@link #kill()} is SIGKILL.
 */
final class MicroNode implements AutoCloseable {
    final String name;
    final int port;
    private final Path dir;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment;
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
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.environment = environment;
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("pre-boot-commands.txt"),
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n"
                            + "set configs.config.server-config.hazelcast-config-specific-configuration.clustering-enabled=true\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhazelcast.socket.bind.any=false",
                "-jar",
                It.property("gatehouse.it.micro"),
                "--port",
                Integer.toString(port),
                "--prebootcommandfile",
                dir.resolve("pre-boot-commands.txt").toString(),
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

    String url() {
        return "http://127.0.0.1:" + port;
    }

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

    /** Waits until the node is ready and answers decisions (it heard from every live node). */
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
                if (ready.status() == 200 && ready.body().contains("\"decisions\":\"answered\"")) {
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
