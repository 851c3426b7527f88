package dev.gatehouse.sso.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.sso.outbound.OutboundHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph client against a loopback double that answers as Microsoft Graph documents it: client-credentials tokens,
 * {@code transitiveMemberOf} in pages linked by {@code @odata.nextLink}, 429 with Retry-After, 403 without permission.
 */
class GraphGroupsTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String USER = "6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f";
    static final String[] GROUPS = {
        "0e4a9c0e-3b1a-4c55-8f7e-0d3c2b1a0f9e",
        "1c1e3a1d-2f5e-4c1a-8a7b-9d8e7f6a5b4c",
        "2d2f4b2e-3a6f-4d2b-9b8c-0e9f8a7b6c5d"
    };

    HttpServer server;
    String base;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger graphRequests = new AtomicInteger();
    /** What the next Graph request answers before the real page: 429 with this Retry-After, 403, or nothing. */
    final AtomicReference<String> mode = new AtomicReference<>("");

    final ProviderId provider = ProviderId.random();
    GraphGroups groups;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/" + TENANT + "/oauth2/v2.0/token", exchange -> {
            tokenRequests.incrementAndGet();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_secret=app-secret")) {
                send(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-token\"}");
        });
        server.createContext("/graph/v1.0/users/", exchange -> {
            graphRequests.incrementAndGet();
            if (!"Bearer graph-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
                return;
            }
            String now = mode.getAndSet("");
            if (now.startsWith("429:")) {
                exchange.getResponseHeaders().add("Retry-After", now.substring(4));
                send(exchange, 429, "{\"error\":{\"code\":\"TooManyRequests\"}}");
                return;
            }
            if (now.equals("403")) {
                send(exchange, 403, "{\"error\":{\"code\":\"Authorization_RequestDenied\"}}");
                return;
            }
            if (now.equals("foreign")) {
                send(exchange, 200, "{\"value\":[],\"@odata.nextLink\":\"https://evil.example.com/steal\"}");
                return;
            }
            boolean second = exchange.getRequestURI().toString().contains("skiptoken");
            String page = second
                    ? "{\"value\":[" + group(GROUPS[2], "Finance") + "]}"
                    : "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects\",\"value\":["
                            + group(GROUPS[0], "Staff") + "," + group(GROUPS[1], "Engineering")
                            + "],\"@odata.nextLink\":\"" + base + "/graph/v1.0/users/" + USER
                            + "/transitiveMemberOf/microsoft.graph.group?$skiptoken=X'4453'\"}";
            send(exchange, 200, page);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        groups = new GraphGroups(
                new GraphClient(
                        new OutboundHttp(1000, 5000, OutboundHttp.addresses(true), 4, 1_000_000),
                        base + "/",
                        base + "/graph/",
                        Clock.systemUTC()),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String group(String id, String name) {
        return "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"" + id + "\",\"displayName\":\"" + name + "\"}";
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static ExternalIdentity identity(boolean overage, String... groupIds) {
        EntraTenantId tenant = EntraTenantId.parse("tid", TENANT);
        return new ExternalIdentity(
                new LinkKey.Entra(tenant, EntraObjectId.parse("oid", USER)),
                "ada@contoso.com",
                "Ada",
                null,
                java.util.Arrays.stream(groupIds)
                        .map(id -> ExternalGroup.of(new GroupKey.Entra(tenant, EntraObjectId.parse("g", id))))
                        .toList(),
                overage);
    }

    Optional<GraphCredentials> app(String secret) {
        return Optional.of(new GraphCredentials(TENANT, "3f2504e0-4f89-41d3-9a0c-0305e82c3301", new Secret(secret)));
    }

    static List<String> names(ExternalIdentity identity) {
        return identity.groups().stream().map(g -> g.name()).toList();
    }

    @Test
    void anOverageIsResolvedWithEveryPageAndNames() {
        ExternalIdentity completed = groups.complete(provider, app("app-secret"), identity(true));

        assertThat(completed.groupsOverage()).isFalse();
        assertThat(names(completed)).containsExactly("Staff", "Engineering", "Finance");
        assertThat(graphRequests).as("two pages").hasValue(2);
        assertThat(groups.status(provider))
                .hasValueSatisfying(s -> assertThat(s.ok()).isTrue());
    }

    @Test
    void groupsOfATokenGetTheirNamesAndTheNamesAreCached() {
        assertThat(names(groups.complete(provider, app("app-secret"), identity(false, GROUPS[0], GROUPS[2]))))
                .containsExactly("Staff", "Finance");
        int calls = graphRequests.get();
        assertThat(names(groups.complete(provider, app("app-secret"), identity(false, GROUPS[1]))))
                .containsExactly("Engineering");
        assertThat(graphRequests).as("names came from the cache").hasValue(calls);
        assertThat(tokenRequests).as("one app token for both").hasValue(1);
    }

    @Test
    void aShortRetryAfterIsWaitedForALongOneIsReported() {
        mode.set("429:1");
        assertThat(groups.complete(provider, app("app-secret"), identity(true)).groupsOverage())
                .isFalse();

        mode.set("429:120");
        ExternalIdentity unresolved = groups.complete(provider, app("app-secret"), identity(true));
        assertThat(unresolved.groupsOverage())
                .as("memberships are then only added")
                .isTrue();
        assertThat(groups.status(provider)).hasValueSatisfying(s -> assertThat(s.message())
                .contains("throttling this app (HTTP 429, Retry-After 120 s)"));
    }

    @Test
    void aMissingPermissionIsExplainedOnTheProvidersStatus() {
        mode.set("403");
        groups.complete(provider, app("app-secret"), identity(true));
        assertThat(groups.status(provider)).hasValueSatisfying(s -> {
            assertThat(s.ok()).isFalse();
            assertThat(s.message()).contains("GroupMember.Read.All").contains("admin consent");
        });
    }

    @Test
    void aWrongSecretAndAForeignNextLinkAreRefusedWithoutLeakingAnything() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        try {
            groups.complete(provider, app("wrong-secret"), identity(true));
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
        assertThat(logged)
                .isNotEmpty()
                .noneMatch(line -> line.contains("wrong-secret") || line.contains("graph-token"));
        assertThat(groups.status(provider)).hasValueSatisfying(s -> assertThat(s.message())
                .contains("refused the app's credentials")
                .doesNotContain("wrong-secret"));

        mode.set("foreign");
        groups.complete(provider, app("app-secret"), identity(true));
        assertThat(groups.status(provider))
                .hasValueSatisfying(s -> assertThat(s.message()).contains("next link leads away"));
    }

    @Test
    void withoutCredentialsAnOverageIsReportedAndNothingIsAsked() {
        ExternalIdentity same = groups.complete(provider, Optional.empty(), identity(true));
        assertThat(same.groupsOverage()).isTrue();
        assertThat(graphRequests).hasValue(0);
        assertThat(groups.status(provider))
                .hasValueSatisfying(s -> assertThat(s.message()).contains("no app credentials"));
    }
}
