package dev.gatehouse.sso.oidc.client;

import static dev.gatehouse.sso.oidc.engine.TokenMint.CLIENT;
import static dev.gatehouse.sso.oidc.engine.TokenMint.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.sso.oidc.FormData;
import dev.gatehouse.sso.oidc.config.OidcFlow;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.engine.OidcException;
import dev.gatehouse.sso.oidc.engine.ProviderKeys;
import dev.gatehouse.sso.oidc.engine.ProviderMetadata;
import dev.gatehouse.sso.oidc.engine.TokenMint;
import dev.gatehouse.sso.outbound.OutboundHttp;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.exception.http.FoundAction;

/**
 * The flows against a token endpoint on loopback that behaves as Entra's: it checks the client secret and the PKCE
 * verifier, and answers with an ID token carrying the request's nonce. Row O6 (state missing, mismatched, replayed).
 */
class OidcClientTest {
    final TokenMint mint = new TokenMint();
    final LocalSignInStateStore states = new LocalSignInStateStore();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicReference<String> expectedChallenge = new AtomicReference<>();
    final AtomicReference<String> nonceForTokens = new AtomicReference<>();
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            tokenRequests.incrementAndGet();
            Map<String, String> form =
                    FormData.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body;
            int status;
            String challenge = form.get("code_verifier") == null
                    ? null
                    : CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
                            .getValue();
            if (!"the-secret".equals(form.get("client_secret"))) {
                status = 401;
                body = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}";
            } else if (!"the-code".equals(form.get("code"))
                    || !expectedChallenge.get().equals(challenge)) {
                status = 400;
                body = "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: code or verifier\"}";
            } else {
                status = 200;
                body = "{\"token_type\":\"Bearer\",\"access_token\":\"at\",\"id_token\":\""
                        + mint.sign(mint.claims(TENANT, nonceForTokens.get(), Instant.now())
                                .build()) + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    OidcClient client(OidcFlow flow, String secret) {
        OidcSettings settings = new OidcSettings(
                OidcSettings.KIND,
                TENANT,
                CLIENT,
                secret == null ? null : new Secret(secret),
                LocalDate.of(2027, 6, 30),
                flow,
                null,
                false,
                List.of(),
                List.of(),
                120,
                true);
        Provider provider = new Provider(ProviderId.random(), SiteId.random(), "Entra", true, settings, Instant.EPOCH);
        ProviderMetadata metadata = new ProviderMetadata(
                TokenMint.issuer(TENANT),
                "https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/authorize",
                base + "/token",
                base + "/keys",
                Optional.empty(),
                Optional.empty());
        ProviderKeys keys = new ProviderKeys(mint::jwks, Clock.systemUTC());
        OidcClient client = new OidcClient(
                new OidcProviderConfiguration(
                        provider, settings, metadata, keys, "http://127.0.0.1:8080/oidc/x/callback"),
                states,
                new OutboundHttp(1000, 3000, OutboundHttp.addresses(true), 4, 100_000),
                Clock.systemUTC());
        client.init();
        return client;
    }

    /** Starts a sign-in: the authorization request's parameters and the browser's binding cookie. */
    record Started(Map<String, String> query, OidcClient.BrowserBinding binding) {
        String state() {
            return query.get("state");
        }
    }

    Started login(OidcClient client) {
        FakeWebContext context = new FakeWebContext("GET");
        context.setRequestAttribute(OidcClient.TARGET_ATTRIBUTE, "/?site=acme");
        FoundAction redirect = (FoundAction)
                client.getRedirectionAction(new CallContext(context, dev.gatehouse.sso.pac4j.NoSessionStore.INSTANCE))
                        .orElseThrow();
        Map<String, String> query =
                FormData.parse(URI.create(redirect.getLocation()).getRawQuery());
        if (query.containsKey("code_challenge")) {
            expectedChallenge.set(query.get("code_challenge"));
        }
        nonceForTokens.set(query.get("nonce"));
        return new Started(query, (OidcClient.BrowserBinding) context.attributes.get(OidcClient.BINDING_ATTRIBUTE));
    }

    FakeWebContext answer(Started started) {
        return new FakeWebContext("POST")
                .param("state", started.state())
                .cookie(started.binding().name(), started.binding().value());
    }

    OidcCredentials callback(OidcClient client, FakeWebContext context) {
        return (OidcCredentials)
                client.getCredentials(new CallContext(context, dev.gatehouse.sso.pac4j.NoSessionStore.INSTANCE))
                        .orElseThrow();
    }

    @Test
    void theCodeFlowSendsPkceAndFormPostAndExchangesTheCodeWithTheSecret() {
        OidcClient client = client(OidcFlow.CODE_PKCE, "the-secret");
        Started started = login(client);

        assertThat(started.query())
                .containsEntry("response_type", "code")
                .containsEntry("response_mode", "form_post")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", CLIENT)
                .containsEntry("scope", "openid profile email")
                .doesNotContainKey("client_secret");
        assertThat(started.state()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(started.query().get("nonce")).hasSizeGreaterThanOrEqualTo(43);

        OidcCredentials credentials = callback(client, answer(started).param("code", "the-code"));

        assertThat(credentials.target()).isEqualTo("/?site=acme");
        assertThat(credentials.claims().getClaim("oid")).isEqualTo("6f1e6f2a-8d0c-4a51-9f0e-1f0b2c3d4e5f");
        assertThat(tokenRequests).hasValue(1);
        OidcProfile profile = OidcProfileCreator.profile(credentials.claims());
        assertThat(profile.getAttribute("upn")).isEqualTo("ada@contoso.com");
        assertThat(profile.getAttribute("display_name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void o6AMissingOrUnknownStateIsRefused() {
        OidcClient client = client(OidcFlow.CODE_PKCE, "the-secret");
        Started started = login(client);
        FakeWebContext noState = new FakeWebContext("POST").param("code", "the-code");
        assertReason(() -> callback(client, noState), OidcException.Reason.STATE);
        FakeWebContext forged = new FakeWebContext("POST")
                .param("state", "forged-state")
                .param("code", "the-code")
                .cookie(started.binding().name(), started.binding().value());
        assertReason(() -> callback(client, forged), OidcException.Reason.STATE);
        assertThat(tokenRequests)
                .as("the code was never sent to the token endpoint")
                .hasValue(0);
    }

    @Test
    void o6AReplayedAnswerIsRefused() {
        OidcClient client = client(OidcFlow.CODE_PKCE, "the-secret");
        Started started = login(client);
        callback(client, answer(started).param("code", "the-code"));

        assertThatThrownBy(() -> callback(client, answer(started).param("code", "the-code")))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.STATE))
                .hasMessageContaining("already used");
        assertThat(tokenRequests).hasValue(1);
    }

    @Test
    void o6AnAnswerPostedFromAnotherBrowserIsRefused() {
        OidcClient client = client(OidcFlow.CODE_PKCE, "the-secret");
        Started victim = login(client);
        FakeWebContext attacker = new FakeWebContext("POST")
                .param("state", victim.state())
                .param("code", "the-code")
                .cookie(victim.binding().name(), "the-attackers-own-value");
        assertThatThrownBy(() -> callback(client, attacker)).hasMessageContaining("posted by another browser");
        FakeWebContext noCookie =
                new FakeWebContext("POST").param("state", login(client).state()).param("code", "the-code");
        assertReason(() -> callback(client, noCookie), OidcException.Reason.STATE);
        assertThat(tokenRequests).hasValue(0);
    }

    @Test
    void theProvidersErrorAndABadSecretAreNamedWithoutTheSecret() {
        OidcClient client = client(OidcFlow.CODE_PKCE, "the-secret");
        FakeWebContext cancelled = answer(login(client))
                .param("error", "access_denied")
                .param("error_description", "AADSTS65004: User declined to consent");
        assertThatThrownBy(() -> callback(client, cancelled)).hasMessageContaining("access_denied: AADSTS65004");
        FakeWebContext notEnabled = answer(login(client))
                .param("error", "unsupported_response_type")
                .param(
                        "error_description",
                        "AADSTS700054: response_type 'id_token' is not enabled for the application.");
        assertThatThrownBy(() -> callback(client, notEnabled)).hasMessageContaining("enable ID tokens under");

        OidcClient wrongSecret = client(OidcFlow.CODE_PKCE, "not-the-secret");
        assertThatThrownBy(
                        () -> callback(wrongSecret, answer(login(wrongSecret)).param("code", "the-code")))
                .isInstanceOfSatisfying(
                        OidcException.class, e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.PROVIDER_ERROR))
                .hasMessageContaining("HTTP 401 invalid_client")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-secret"));
    }

    @Test
    void theLegacyHybridFlowChecksCHashAndTheSameSubjectOnBothTokens() {
        OidcClient client = client(OidcFlow.LEGACY_HYBRID, "the-secret");
        Started started = login(client);
        assertThat(started.query()).containsEntry("response_type", "code id_token");
        String front = mint.sign(mint.claims(TENANT, started.query().get("nonce"), Instant.now())
                .claim(
                        "c_hash",
                        CodeHash.compute(new AuthorizationCode("the-code"), JWSAlgorithm.RS256)
                                .getValue())
                .build());

        OidcCredentials credentials =
                callback(client, answer(started).param("code", "the-code").param("id_token", front));
        assertThat(credentials.claims().getSubject()).isEqualTo("pairwise-sub-AAAAAAAAAAAAAAAAAAAA");

        Started second = login(client);
        String swappedCode = mint.sign(mint.claims(TENANT, second.query().get("nonce"), Instant.now())
                .claim(
                        "c_hash",
                        CodeHash.compute(new AuthorizationCode("other"), JWSAlgorithm.RS256)
                                .getValue())
                .build());
        assertReason(
                () -> callback(client, answer(second).param("code", "the-code").param("id_token", swappedCode)),
                OidcException.Reason.HASH);
    }

    @Test
    void theLegacyImplicitFlowTakesTheIdTokenAloneAndNeedsNoSecret() {
        OidcClient client = client(OidcFlow.LEGACY_IMPLICIT, null);
        Started started = login(client);
        assertThat(started.query()).containsEntry("response_type", "id_token").doesNotContainKey("code_challenge");
        String token = mint.sign(
                mint.claims(TENANT, started.query().get("nonce"), Instant.now()).build());

        assertThat(callback(client, answer(started).param("id_token", token))
                        .claims()
                        .getClaim("tid"))
                .isEqualTo(TENANT);
        assertThat(tokenRequests).hasValue(0);

        Started other = login(client);
        String forOtherSignIn = mint.sign(
                mint.claims(TENANT, started.query().get("nonce"), Instant.now()).build());
        assertReason(
                () -> callback(client, answer(other).param("id_token", forOtherSignIn)), OidcException.Reason.NONCE);
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, OidcException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.reason())
                .as(e.getMessage())
                .isEqualTo(reason));
    }
}
