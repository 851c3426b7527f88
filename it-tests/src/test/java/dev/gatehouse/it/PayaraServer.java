package dev.gatehouse.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Payara Server 6 (the distribution from Maven Central, unpacked by the build) with a domain of its own whose
 * every listener is bound to 127.0.0.1 on test ports, Hazelcast off. Started and stopped through asadmin.
 */
final class PayaraServer implements AutoCloseable {
    static final int HTTP_PORT = 18280;
    static final int ADMIN_PORT = 18248;
    private static final String DOMAIN = "gatehouse-smoke";

    private final Path home;
    private final Map<String, String> environment;
    private Thread stopOnExit;

    PayaraServer(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = environment;
    }

    void start() throws IOException, InterruptedException {
        Path domains = home.resolve("glassfish/domains");
        Path domain = domains.resolve(DOMAIN);
        Trees.delete(domain);
        Trees.copy(domains.resolve("domain1"), domain);
        Path xml = domain.resolve("config/domain.xml");
        Files.writeString(xml, loopbackOnly(Files.readString(xml)));
        stopOnExit = new Thread(this::stopQuietly);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        asadmin(180, "start-domain", DOMAIN);
    }

    void deploy(Path archive) throws IOException, InterruptedException {
        asadmin(300, "deploy", "--name", "gatehouse", archive.toString());
    }

    /** The domain's server log so far. */
    String log() throws IOException {
        return Files.readString(
                home.resolve("glassfish/domains").resolve(DOMAIN).resolve("logs/server.log"));
    }

    @Override
    public void close() {
        stopQuietly();
        if (stopOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    private void stopQuietly() {
        try {
            asadmin(120, "stop-domain", "--kill", DOMAIN);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("Payara Server did not stop cleanly: " + e.getMessage());
        }
    }

    /** Rewrites the DAS configuration (the first config in domain.xml) to listen on 127.0.0.1 only. */
    static String loopbackOnly(String xml) {
        int split = xml.indexOf("<config name=\"default-config\"");
        String server = xml.substring(0, split)
                .replace(
                        "<network-listener port=\"8080\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + HTTP_PORT + "\"")
                .replace("<network-listener port=\"8181\"", "<network-listener address=\"127.0.0.1\" port=\"18281\"")
                .replace(
                        "<network-listener port=\"4848\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + ADMIN_PORT + "\"")
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("port=\"8686\"", "port=\"18286\"")
                .replace("port=\"3700\"", "port=\"18237\"")
                .replace("port=\"3820\"", "port=\"18238\"")
                .replace("port=\"3920\"", "port=\"18239\"")
                .replace("name=\"JMS_PROVIDER_PORT\" value=\"7676\"", "name=\"JMS_PROVIDER_PORT\" value=\"18276\"")
                .replace(
                        "<hazelcast-runtime-configuration start-port=\"5900\" das-port=\"4900\"",
                        "<hazelcast-runtime-configuration das-bind-address=\"127.0.0.1\" interface=\"127.0.0.1\""
                                + " start-port=\"18290\" das-port=\"18249\"")
                .replaceFirst(
                        "<hazelcast-config-specific-configuration>",
                        "<hazelcast-config-specific-configuration enabled=\"false\">");
        if (!server.contains("port=\"" + HTTP_PORT + "\"") || !server.contains("port=\"" + ADMIN_PORT + "\"")) {
            throw new IllegalStateException("domain.xml of this Payara version has another shape; update PayaraServer");
        }
        return server + xml.substring(split);
    }

    private void asadmin(int timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/asadmin").toString(), "--port", Integer.toString(ADMIN_PORT), "--host", "127.0.0.1"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }
}
