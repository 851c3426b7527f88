package dev.gatehouse.sso.oidc.client;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.sso.oidc.config.OidcFlow;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.engine.IdTokenValidator;
import dev.gatehouse.sso.oidc.engine.OidcException;
import dev.gatehouse.sso.oidc.engine.TokenResponse;
import dev.gatehouse.sso.outbound.OutboundException;
import dev.gatehouse.sso.outbound.OutboundHttp;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pac4j.core.client.IndirectClient;
import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;

/**
 * The pac4j client for one OpenID Connect provider.
 *
 * <p><b>Redirection</b> sends an authentication request ({@code response_mode=form_post}) with a fresh {@code state},
 * {@code nonce} and, when the flow exchanges a code, a PKCE S256 challenge. The state is the key of a
 * {@link PendingRequest} in the shared sign-in state store, holding the nonce, the verifier and the hash of a random
 * value given to this browser as a cookie ({@link BrowserBinding}), so that an answer posted from another browser is
 * refused.
 *
 * <p><b>The callback</b> takes the pending request by its state (once: a replayed answer finds nothing), checks the
 * browser's cookie, then per flow: exchanges the code at the token endpoint with the client secret and the verifier
 * ({@link OidcFlow#CODE_PKCE}), validates the front-channel ID token with its {@code c_hash} and then exchanges the
 * code, requiring the same subject ({@link OidcFlow#LEGACY_HYBRID}), or validates the front-channel ID token alone
 * ({@link OidcFlow#LEGACY_IMPLICIT}). Every token goes through {@link IdTokenValidator}.
 */
public final class OidcClient extends IndirectClient {
    /** The request attribute with the page to land on, already checked by the sign-in target allowlist. */
    public static final String TARGET_ATTRIBUTE = "gatehouse.oidc.target";
    /** The request attribute in which redirection leaves the {@link BrowserBinding} cookie to set. */
    public static final String BINDING_ATTRIBUTE = "gatehouse.oidc.binding";
    /** How long a sign-in started here may take at the identity provider (MFA included). */
    public static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);

    static final String COOKIE_PREFIX = "gh_oidc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The cookie that binds a sign-in to the browser that started it. */
    public record BrowserBinding(String name, String value) {
        @Override
        public String toString() {
            return "BrowserBinding[" + name + "]";
        }
    }

    private final OidcProviderConfiguration configuration;
    private final SignInStateStore state;
    private final OutboundHttp http;
    private final Clock clock;

    public OidcClient(OidcProviderConfiguration configuration, SignInStateStore state, OutboundHttp http, Clock clock) {
        this.configuration = configuration;
        this.state = state;
        this.http = http;
        this.clock = clock;
        setName("oidc-" + configuration.provider().id());
        setCallbackUrl(configuration.redirectUri());
        setCheckAuthenticationAttempt(false);
    }

    public OidcProviderConfiguration configuration() {
        return configuration;
    }

    @Override
    protected void internalInit(boolean forceReinit) {
        setRedirectionActionBuilderIfUndefined(ctx -> Optional.of(authenticationRequest(ctx.webContext())));
        setCredentialsExtractorIfUndefined(ctx -> Optional.of(callback(ctx.webContext())));
        setAuthenticatorIfUndefined(new OidcProfileCreator());
    }

    private RedirectionAction authenticationRequest(WebContext context) {
        String target =
                context.getRequestAttribute(TARGET_ATTRIBUTE, String.class).orElse("/");
        OidcSettings settings = configuration.settings();
        String stateValue = random();
        String nonce = random();
        String binding = random();
        CodeVerifier verifier = settings.flow().exchangesCode() ? new CodeVerifier() : null;
        state.rememberRequest(new PendingRequest(
                stateValue,
                PendingRequest.Kind.LOGIN,
                configuration.provider().id(),
                target,
                clock.instant().plus(LOGIN_TIMEOUT),
                context.getRemoteAddr(),
                new OidcPending(nonce, verifier == null ? null : verifier.getValue(), sha256(binding))));
        context.setRequestAttribute(BINDING_ATTRIBUTE, new BrowserBinding(cookieNameOf(stateValue), binding));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("response_type", settings.flow().responseType());
        query.put("response_mode", "form_post");
        query.put("redirect_uri", configuration.redirectUri());
        query.put("scope", "openid profile email");
        query.put("state", stateValue);
        query.put("nonce", nonce);
        if (verifier != null) {
            query.put(
                    "code_challenge",
                    CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
            query.put("code_challenge_method", "S256");
        }
        String endpoint = configuration.metadata().authorizationEndpoint();
        return new FoundAction(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    private OidcCredentials callback(WebContext context) {
        if (!"POST".equals(context.getRequestMethod())) {
            throw new OidcException(OidcException.Reason.MALFORMED, "the callback accepts only form_post answers");
        }
        String stateValue = context.getRequestParameter("state")
                .orElseThrow(() -> new OidcException(OidcException.Reason.STATE, "the answer has no state"));
        Instant now = clock.instant();
        PendingRequest pending = state.takeRequest(stateValue, now)
                .filter(p -> p.kind() == PendingRequest.Kind.LOGIN)
                .filter(p -> p.provider().equals(configuration.provider().id()))
                .filter(p -> p.details() instanceof OidcPending)
                .orElseThrow(() -> new OidcException(
                        OidcException.Reason.STATE,
                        "the state is unknown, already used or expired (a replayed or forged answer, or a sign-in"
                                + " older than " + LOGIN_TIMEOUT.toMinutes() + " minutes)"));
        OidcPending expected = (OidcPending) pending.details();
        String cookie = context.getRequestCookies().stream()
                .filter(c -> c.getName().equals(cookieNameOf(stateValue)))
                .map(Cookie::getValue)
                .findFirst()
                .orElse("");
        if (!MessageDigest.isEqual(
                sha256(cookie).getBytes(StandardCharsets.US_ASCII),
                expected.browserBinding().getBytes(StandardCharsets.US_ASCII))) {
            throw new OidcException(
                    OidcException.Reason.STATE,
                    "the answer was posted by another browser than the one that started"
                            + " the sign-in (no or another binding cookie)");
        }
        Optional<String> error = context.getRequestParameter("error");
        if (error.isPresent()) {
            // Entra refuses a response type the app registration has not enabled ("ID tokens" under implicit grant)
            String hint = error.get().startsWith("unsupported_response")
                    ? " (the app registration does not allow this flow: enable ID tokens under Authentication >"
                            + " Implicit grant, or switch the provider to CODE_PKCE)"
                    : "";
            throw new OidcException(
                    OidcException.Reason.PROVIDER_ERROR,
                    "the identity provider answered " + TokenResponse.safe(error.get())
                            + context.getRequestParameter("error_description")
                                    .map(d -> ": " + TokenResponse.safe(d))
                                    .orElse("")
                            + hint);
        }
        OidcFlow flow = configuration.settings().flow();
        Optional<String> code = context.getRequestParameter("code");
        Optional<String> frontToken = context.getRequestParameter("id_token");
        JWTClaimsSet claims;
        switch (flow) {
            case CODE_PKCE -> {
                TokenResponse tokens = exchange(require(code, "code"), expected.codeVerifier());
                claims = IdTokenValidator.validate(
                        tokens.idToken(),
                        configuration.keys(),
                        configuration.expected(expected.nonce(), null, tokens.accessToken(), false),
                        clock.instant());
            }
            case LEGACY_HYBRID -> {
                String theCode = require(code, "code");
                JWTClaimsSet front = IdTokenValidator.validate(
                        require(frontToken, "id_token"),
                        configuration.keys(),
                        configuration.expected(expected.nonce(), theCode, null, true),
                        now);
                TokenResponse tokens = exchange(theCode, expected.codeVerifier());
                claims = IdTokenValidator.validate(
                        tokens.idToken(),
                        configuration.keys(),
                        configuration.expected(expected.nonce(), null, tokens.accessToken(), false),
                        clock.instant());
                if (!Objects.equals(front.getIssuer(), claims.getIssuer())
                        || !Objects.equals(front.getSubject(), claims.getSubject())) {
                    throw new OidcException(
                            OidcException.Reason.MALFORMED,
                            "the ID tokens of the authorization and token endpoints name different subjects");
                }
            }
            case LEGACY_IMPLICIT -> claims = IdTokenValidator.validate(
                    require(frontToken, "id_token"),
                    configuration.keys(),
                    configuration.expected(expected.nonce(), null, null, true),
                    now);
            default -> throw new IllegalStateException(String.valueOf(flow));
        }
        return new OidcCredentials(claims, pending.target());
    }

    private TokenResponse exchange(String code, String verifier) {
        OidcSettings settings = configuration.settings();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", configuration.redirectUri());
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret().value());
        form.put("code_verifier", verifier);
        try {
            OutboundHttp.Answer answer = http.postForm(configuration.metadata().tokenEndpoint(), form(form), Map.of());
            return TokenResponse.parse(answer.status(), answer.text());
        } catch (OutboundException e) {
            throw new OidcException(OidcException.Reason.UNAVAILABLE, "the token endpoint: " + e.getMessage());
        }
    }

    private static String require(Optional<String> value, String name) {
        return value.filter(v -> !v.isEmpty())
                .orElseThrow(() -> new OidcException(OidcException.Reason.MALFORMED, "the answer has no " + name));
    }

    /** The name of the binding cookie of one sign-in: several sign-ins of one browser do not overwrite each other. */
    public static String cookieNameOf(String stateValue) {
        return COOKIE_PREFIX + sha256(stateValue).substring(0, 12);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
