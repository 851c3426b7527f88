package dev.gatehouse.sso.saml.client;

import dev.gatehouse.sso.saml.config.SamlProviderConfiguration;
import dev.gatehouse.sso.saml.engine.RedirectBinding;
import dev.gatehouse.sso.saml.engine.SamlException;
import dev.gatehouse.sso.saml.engine.SamlMessages;
import dev.gatehouse.sso.saml.engine.SamlResponseValidator;
import dev.gatehouse.sso.signin.state.PendingRequest;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pac4j.core.client.IndirectClient;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;

/**
 * The pac4j client for one SAML provider. Redirection sends an AuthnRequest by HTTP-Redirect and remembers its ID
 * with the page to land on; the callback (ACS) takes the POSTed {@code SAMLResponse}, validates it with the
 * {@link SamlResponseValidator} and builds a {@link SamlProfile}.
 *
 * <p>Configuration: the page to land on is read from the request attribute {@link #TARGET_ATTRIBUTE} (a
 * Gatehouse-relative path already checked by the relay-state allowlist); a sign-in must come back within
 * {@link #LOGIN_TIMEOUT}.
 */
public final class SamlClient extends IndirectClient {
    public static final String TARGET_ATTRIBUTE = "gatehouse.saml.target";
    /** How long a sign-in started here may take at the identity provider (MFA included) before it is forgotten. */
    public static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);

    private final SamlProviderConfiguration configuration;
    private final SignInStateStore state;
    private final SamlResponseValidator validator;
    private final Clock clock;

    public SamlClient(SamlProviderConfiguration configuration, SignInStateStore state, Clock clock) {
        this.configuration = configuration;
        this.state = state;
        this.clock = clock;
        this.validator = new SamlResponseValidator(state, clock);
        setName("saml-" + configuration.provider().id());
        setCallbackUrl(configuration.sp().acsUrl());
        setCheckAuthenticationAttempt(false);
    }

    public SamlProviderConfiguration configuration() {
        return configuration;
    }

    @Override
    protected void internalInit(boolean forceReinit) {
        setRedirectionActionBuilderIfUndefined(ctx -> Optional.of(authnRequest(
                ctx.webContext()
                        .getRequestAttribute(TARGET_ATTRIBUTE, String.class)
                        .orElse("/"),
                ctx.webContext().getRemoteAddr())));
        setCredentialsExtractorIfUndefined(ctx -> {
            if (!"POST".equals(ctx.webContext().getRequestMethod())) {
                throw new SamlException(SamlException.Reason.MALFORMED, "the ACS accepts only HTTP-POST");
            }
            String response = ctx.webContext()
                    .getRequestParameter("SAMLResponse")
                    .orElseThrow(() -> new SamlException(SamlException.Reason.MALFORMED, "no SAMLResponse was posted"));
            Credentials credentials = new SamlCredentials(validator.validate(
                    response, configuration.provider().id(), configuration.trust(), configuration.sp()));
            return Optional.of(credentials);
        });
        setAuthenticatorIfUndefined(new SamlProfileCreator());
    }

    private RedirectionAction authnRequest(String target, String client) {
        String id = SamlMessages.newId();
        Instant now = clock.instant();
        state.rememberRequest(new PendingRequest(
                id, PendingRequest.Kind.LOGIN, configuration.provider().id(), target, now.plus(LOGIN_TIMEOUT), client));
        String xml = SamlMessages.authnRequest(
                id,
                now,
                configuration.sp(),
                configuration.ssoUrl(),
                configuration.settings().requestedAuthnContext());
        return new FoundAction(RedirectBinding.url(configuration.ssoUrl(), "SAMLRequest", xml, null));
    }
}
