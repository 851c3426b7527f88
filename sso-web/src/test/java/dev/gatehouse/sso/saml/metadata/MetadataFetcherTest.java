package dev.gatehouse.sso.saml.metadata;

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

/** Metadata fetching can neither hang Gatehouse nor reach inside its network (hardening points 2 and 3). */
class MetadataFetcherTest {
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
        return address.getHostAddress().equals("127.0.0.1") || MetadataFetcher.isPublic(address);
    }

    @Test
    void internalAddressesAreRefusedBeforeAnyRequest() {
        MetadataFetcher fetcher = new MetadataFetcher(1000, 2000, MetadataFetcher.addresses(false));
        assertThatThrownBy(() -> fetcher.fetch(base + "/ok"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("internal address 127.0.0.1")
                .hasMessageContaining("gatehouse.saml.metadata-allow-internal-hosts");
        assertThat(requests).hasValue(0);
    }

    @Test
    void everyRedirectHopIsChecked() {
        MetadataFetcher fetcher = new MetadataFetcher(1000, 2000, MetadataFetcherTest::onlyThisLoopback);
        assertThat(fetcher.fetch(base + "/to-ok")).isEqualTo("<md/>".getBytes());
        assertThatThrownBy(() -> fetcher.fetch(base + "/to-internal"))
                .hasMessageContaining("internal address 127.0.0.2");
        assertThat(requests).as("the redirect target was never asked").hasValue(2);
    }

    @Test
    void aTricklingAnswerIsCutOffAtTheDeadline() {
        MetadataFetcher fetcher = new MetadataFetcher(1000, 1500, MetadataFetcher.addresses(true));
        assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> assertThatThrownBy(() -> fetcher.fetch(base + "/trickle"))
                        .hasMessageContaining("no complete answer within 1500 ms"));
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        MetadataFetcher fetcher = new MetadataFetcher(1000, 5000, MetadataFetcher.addresses(true));
        assertThatThrownBy(() -> fetcher.fetch(base + "/huge")).hasMessageContaining("more than 1000000 bytes");
    }

    @Test
    void publicAndInternalAddresses() throws Exception {
        assertThat(MetadataFetcher.isPublic(InetAddress.getByName("20.190.128.1")))
                .isTrue();
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
            assertThat(MetadataFetcher.isPublic(InetAddress.getByName(internal)))
                    .as(internal)
                    .isFalse();
        }
    }
}
