package dev.gatehouse.sso.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound requests can neither hang Gatehouse nor reach inside its network (hardening points 2 and 3). */
class OutboundHttpTest {
    final AtomicInteger requests = new AtomicInteger();
    HttpServer server;
    String base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<md/>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/to-internal", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders()
                    .add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-ok", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 40; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                // the client hung up
            }
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
            } catch (Exception e) {
                // the client hung up
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Treats 127.0.0.1 as if it were a public address and everything else by the real rule. */
    static boolean onlyThisLoopback(InetAddress address) {
        return address.getHostAddress().equals("127.0.0.1") || OutboundHttp.isPublic(address);
    }

    @Test
    void internalAddressesAreRefusedBeforeAnyRequest() {
        OutboundHttp fetcher = new OutboundHttp(1000, 2000, OutboundHttp.addresses(false), 4, 1_000_000);
        assertThatThrownBy(() -> fetcher.get(base + "/ok", "*/*", java.util.Map.of()))
                .isInstanceOf(OutboundException.class)
                .hasMessageContaining("internal address 127.0.0.1")
                .hasMessageContaining("gatehouse.outbound.allow-internal-hosts");
        assertThat(requests).hasValue(0);
    }

    @Test
    void everyRedirectHopIsChecked() {
        OutboundHttp fetcher = new OutboundHttp(1000, 2000, OutboundHttpTest::onlyThisLoopback, 4, 1_000_000);
        assertThat(fetcher.get(base + "/to-ok", "*/*", java.util.Map.of()).body())
                .isEqualTo("<md/>".getBytes());
        assertThatThrownBy(() -> fetcher.get(base + "/to-internal", "*/*", java.util.Map.of()))
                .hasMessageContaining("internal address 127.0.0.2");
        assertThat(requests).as("the redirect target was never asked").hasValue(2);
    }

    @Test
    void aTricklingAnswerIsCutOffAtTheDeadline() {
        OutboundHttp fetcher = new OutboundHttp(1000, 1500, OutboundHttp.addresses(true), 4, 1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                        () -> fetcher.get(base + "/trickle", "*/*", java.util.Map.of()))
                .hasMessageContaining("no complete answer within 1500 ms"));
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        OutboundHttp fetcher = new OutboundHttp(1000, 5000, OutboundHttp.addresses(true), 4, 1_000_000);
        assertThatThrownBy(() -> fetcher.get(base + "/huge", "*/*", java.util.Map.of()))
                .hasMessageContaining("more than 1000000 bytes");
    }

    @Test
    void publicAndInternalAddresses() throws Exception {
        assertThat(OutboundHttp.isPublic(InetAddress.getByName("20.190.128.1"))).isTrue();
        for (String internal : new String[] {
            "127.0.0.2",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "224.0.0.1"
        }) {
            assertThat(OutboundHttp.isPublic(InetAddress.getByName(internal)))
                    .as(internal)
                    .isFalse();
        }
    }
}
