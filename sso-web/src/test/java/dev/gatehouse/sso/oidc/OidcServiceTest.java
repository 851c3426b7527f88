package dev.gatehouse.sso.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.graph.GraphClient;
import dev.gatehouse.sso.graph.GraphGroups;
import dev.gatehouse.sso.oidc.client.OidcClient;
import dev.gatehouse.sso.oidc.config.OidcFlow;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.engine.OidcException;
import dev.gatehouse.sso.oidc.engine.TokenMint;
import dev.gatehouse.sso.outbound.OutboundHttp;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery per provider: one request however many sign-ins wait for it; an administrator's refresh reports failure. */
class OidcServiceTest {
    final TokenMint mint = new TokenMint();
    final AtomicInteger discoveries = new AtomicInteger();
    final AtomicBoolean issuerUp = new AtomicBoolean(true);
    HttpServer server;
    String issuer;
    Provider provider;
    OidcService service;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant/v2.0";
        server.createContext("/tenant/v2.0/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            try {
                Thread.sleep(200); // a slow issuer: sign-ins pile up meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                            + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer
                            + "/keys\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(issuerUp.get() ? 200 : 503, issuerUp.get() ? body.length : -1);
            if (issuerUp.get()) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.createContext("/tenant/v2.0/keys", exchange -> {
            byte[] body = mint.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        provider = new Provider(
                ProviderId.random(),
                SiteId.random(),
                "Keycloak",
                true,
                new OidcSettings(
                        OidcSettings.KIND,
                        TokenMint.TENANT,
                        TokenMint.CLIENT,
                        new Secret("s"),
                        LocalDate.of(2027, 1, 1),
                        OidcFlow.CODE_PKCE,
                        issuer,
                        false,
                        List.of(),
                        List.of(),
                        120,
                        false),
                Instant.EPOCH);
        OutboundHttp http = new OutboundHttp(1000, 3000, OutboundHttp.addresses(true), 16, 100_000);
        service = new OidcService(
                new DirectUnitOfWork(),
                new OneProvider(provider),
                http,
                "http://127.0.0.1:8080",
                TokenMint.AUTHORITY,
                new LocalSignInStateStore(),
                new GraphGroups(
                        new GraphClient(http, TokenMint.AUTHORITY, "https://graph.invalid/", Clock.systemUTC()),
                        Clock.systemUTC()),
                new NoAudit(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    List<Future<Optional<OidcClient>>> eightSignInsAtOnce() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Optional<OidcClient>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> service.client(provider.id()));
        }
        try {
            return pool.invokeAll(calls);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void signInsWaitingForAnUnreachableIssuerMakeOneRequest() {
        issuerUp.set(false);
        for (Future<Optional<OidcClient>> result : eightSignInsAtOnce()) {
            assertThatThrownBy(result::get).hasCauseInstanceOf(OidcException.class);
        }
        assertThat(discoveries).as("one discovery; the others took its failure").hasValue(1);
    }

    @Test
    void signInsWaitingForDiscoveryShareIt() throws Exception {
        List<Future<Optional<OidcClient>>> results = eightSignInsAtOnce();
        OidcClient first = results.get(0).get().orElseThrow();
        for (Future<Optional<OidcClient>> result : results) {
            assertThat(result.get()).containsSame(first);
        }
        assertThat(discoveries).hasValue(1);
    }

    @Test
    void aFailedRefreshIsReportedAndTheLastGoodDiscoveryStaysInUse() {
        OidcClient good = service.client(provider.id()).orElseThrow();
        issuerUp.set(false);

        assertThatThrownBy(() -> service.refresh(provider))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("could not be used")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("the last good ones stay in use");
        assertThat(service.client(provider.id())).containsSame(good);
        assertThat(service.status(provider).error()).contains("HTTP 503");
    }

    /** Runs the work at once: these tests have no database. */
    static final class DirectUnitOfWork implements UnitOfWork {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }

    /** Nothing is audited in these tests (discovery failures on save are, and are not tested here). */
    static final class NoAudit implements AuditLog {
        @Override
        public void append(dev.gatehouse.identity.domain.AuditEvent event) {}

        @Override
        public dev.gatehouse.identity.domain.Page<dev.gatehouse.identity.domain.AuditEvent> query(
                dev.gatehouse.identity.domain.AuditQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long deleteOlderThan(Instant cutoff) {
            return 0;
        }
    }

    record OneProvider(Provider provider) implements ProviderRepository {
        @Override
        public Optional<Provider> find(ProviderId id) {
            return provider.id().equals(id) ? Optional.of(provider) : Optional.empty();
        }

        @Override
        public List<Provider> listBySite(SiteId site) {
            return List.of(provider);
        }

        @Override
        public List<Provider> listAll() {
            return List.of(provider);
        }

        @Override
        public void save(Provider p) {}

        @Override
        public void delete(ProviderId id) {}
    }
}
