package dev.gatehouse.sso.saml.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.TestKeys;
import dev.gatehouse.sso.saml.TestMetadata;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S14: metadata URL down, slow, or serving a bad signature keeps the last good copy; every signing key is kept. */
class MetadataRefresherTest {
    static final String SSO = "https://login.microsoftonline.com/tenant/saml2";

    final AtomicReference<Serve> serve = new AtomicReference<>();
    final InMemoryCache cache = new InMemoryCache();
    final ProviderId provider = ProviderId.random();
    final MetadataRefresher refresher = new MetadataRefresher(
            new MetadataFetcher(new dev.gatehouse.sso.outbound.OutboundHttp(
                    1000, 1000, dev.gatehouse.sso.outbound.OutboundHttp.addresses(true), 4, 1_000_000)),
            Clock.systemUTC());
    HttpServer server;
    String url;

    record Serve(int status, byte[] body, long delayMillis) {}

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/federationmetadata.xml", exchange -> {
            Serve s = serve.get();
            try {
                Thread.sleep(s.delayMillis());
                exchange.sendResponseHeaders(s.status(), s.body().length);
                exchange.getResponseBody().write(s.body());
            } catch (Exception e) {
                // the client gave up; nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/federationmetadata.xml";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    void serve(byte[] body) {
        serve.set(new Serve(200, body, 0));
    }

    byte[] signedBy(String signer, String... certificates) {
        return TestMetadata.signed(TestMetadata.xml(List.of(certificates), SSO), signer);
    }

    IdpMetadata current() {
        return IdpMetadataParser.parse(
                cache.find(provider).orElseThrow().xml().orElseThrow().getBytes(StandardCharsets.UTF_8), List.of());
    }

    @Test
    void firstFetchWithBomAndTwoSigningCertificatesKeepsBoth() {
        serve(signedBy("idp", "idp", "idp-rollover"));
        assertThat(refresher.refresh(provider, url, cache).error()).isEmpty();
        assertThat(current().signingCertificates())
                .containsExactly(TestKeys.certificate("idp"), TestKeys.certificate("idp-rollover"));
        assertThat(current().ssoUrl()).isEqualTo(SSO);
    }

    @Test
    void serverErrorKeepsTheLastGoodCopyAndRecordsTheFailure() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        serve.set(new Serve(500, new byte[0], 0));
        MetadataRefresher.Outcome outcome = refresher.refresh(provider, url, cache);
        assertThat(outcome.refreshed()).isFalse();
        assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 500"));
        assertThat(cache.find(provider).orElseThrow().lastError()).isPresent();
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp"));
    }

    @Test
    void timeoutKeepsTheLastGoodCopy() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        serve.set(new Serve(200, signedBy("idp", "idp", "idp-rollover"), 3000));
        assertThat(refresher.refresh(provider, url, cache).error())
                .hasValueSatisfying(e -> assertThat(e).contains("cannot be read"));
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp"));
    }

    @Test
    void badSignatureKeepsTheLastGoodCopy() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        byte[] tampered = new String(signedBy("idp", "idp"), StandardCharsets.UTF_8)
                .replace(SSO, "https://evil.example/saml2")
                .getBytes(StandardCharsets.UTF_8);
        serve(tampered);
        assertThat(refresher.refresh(provider, url, cache).error())
                .hasValueSatisfying(e -> assertThat(e).contains("signature"));
        assertThat(current().ssoUrl()).isEqualTo(SSO);
    }

    @Test
    void documentSignedByAnUntrustedKeyIsRefusedEvenIfItListsThatKey() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        serve(signedBy("attacker", "attacker"));
        assertThat(refresher.refresh(provider, url, cache).refreshed()).isFalse();
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp"));
    }

    @Test
    void rolloverPublishedAheadIsFollowed() {
        serve(signedBy("idp", "idp", "idp-rollover"));
        refresher.refresh(provider, url, cache);
        serve(signedBy("idp-rollover", "idp-rollover"));
        assertThat(refresher.refresh(provider, url, cache).error()).isEmpty();
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp-rollover"));
    }

    @Test
    void anUnsignedDocumentAfterASignedCopyCannotSwapTheKey() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        serve(TestMetadata.xml(List.of("attacker"), SSO).getBytes(StandardCharsets.UTF_8));
        assertThat(refresher.refresh(provider, url, cache).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not signed"));
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp"));
        assertThat(cache.find(provider).orElseThrow().lastError()).contains(MetadataRefresher.FAILED);
    }

    @Test
    void anAdministratorsRetrustTakesTheNewDocument() {
        serve(signedBy("idp", "idp"));
        refresher.refresh(provider, url, cache);
        serve(TestMetadata.xml(List.of("idp-rollover"), SSO).getBytes(StandardCharsets.UTF_8));
        assertThat(refresher.apply(provider, refresher.fetch(url), cache, true).refreshed())
                .isTrue();
        assertThat(current().signingCertificates()).containsExactly(TestKeys.certificate("idp-rollover"));
    }

    @Test
    void garbageIsRefused() {
        serve("<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(refresher.refresh(provider, url, cache).error())
                .hasValueSatisfying(e -> assertThat(e).contains("not SAML 2.0 metadata"));
        assertThat(cache.find(provider).orElseThrow().xml()).isEmpty();
    }

    @Test
    void fetchOnSaveNamesTheProblem() {
        serve.set(new Serve(404, new byte[0], 0));
        assertThat(refresher.fetch(url).error())
                .hasValueSatisfying(e -> assertThat(e).contains("HTTP 404"));
    }

    static final class InMemoryCache implements MetadataCache {
        final Map<ProviderId, Entry> entries = new HashMap<>();

        @Override
        public Optional<Entry> find(ProviderId provider) {
            return Optional.ofNullable(entries.get(provider));
        }

        @Override
        public Optional<Instant> fetchedAt(ProviderId provider) {
            return find(provider).flatMap(Entry::fetchedAt);
        }

        @Override
        public void recordSuccess(ProviderId provider, String xml, Instant at) {
            entries.put(provider, new Entry(Optional.of(xml), Optional.of(at), at, Optional.empty()));
        }

        @Override
        public void recordFailure(ProviderId provider, String error, Instant at) {
            Entry previous = entries.get(provider);
            entries.put(
                    provider,
                    new Entry(
                            previous == null ? Optional.empty() : previous.xml(),
                            previous == null ? Optional.empty() : previous.fetchedAt(),
                            at,
                            Optional.of(error)));
        }
    }
}
