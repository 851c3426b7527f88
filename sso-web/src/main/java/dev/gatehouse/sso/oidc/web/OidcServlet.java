package dev.gatehouse.sso.oidc.web;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.IdentityOutcome;
import dev.gatehouse.identity.application.SignInCompletion;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.identity.IncompleteIdentityException;
import dev.gatehouse.sso.identity.SsoIdentities;
import dev.gatehouse.sso.oidc.OidcFeature;
import dev.gatehouse.sso.oidc.client.OidcClient;
import dev.gatehouse.sso.oidc.client.OidcCredentials;
import dev.gatehouse.sso.oidc.client.OidcProviderConfiguration;
import dev.gatehouse.sso.oidc.engine.OidcException;
import dev.gatehouse.sso.pac4j.NoSessionStore;
import dev.gatehouse.sso.pac4j.ServletWebContext;
import dev.gatehouse.sso.signin.ProviderRoute;
import dev.gatehouse.sso.signin.SignInPages;
import dev.gatehouse.sso.signin.SignInRedirects;
import dev.gatehouse.sso.signin.SignInResponder;
import dev.gatehouse.sso.signin.SignInTargets;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.profile.UserProfile;

/**
 * The endpoints of every OpenID Connect and OAuth provider, under {@code /oidc/<provider id>/}: {@code login} (GET;
 * {@code ?target=} as for SAML's RelayState) and {@code callback} (the redirect URI; {@code form_post} answers). Every
 * refusal shows a page a user understands; the reason is in the audit log.
 */
@WebServlet("/oidc/*")
public class OidcServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    SignInCompletion signInCompletion;

    @Inject
    OidcFeature oidc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        ProviderRoute route = ProviderRoute.of(request);
        if (route == null || !"login".equals(route.action())) {
            response.sendError(404);
            return;
        }
        Optional<OidcClient> client = client(route.provider(), request, response);
        if (client.isPresent()) {
            login(client.get(), request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        ProviderRoute route = ProviderRoute.of(request);
        if (route == null || !"callback".equals(route.action())) {
            response.sendError(404);
            return;
        }
        Optional<OidcClient> client = client(route.provider(), request, response);
        if (client.isPresent()) {
            callback(client.get(), request, response);
        }
    }

    private Optional<OidcClient> client(ProviderId id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        return SignInPages.client(id, oidc.service()::client, OidcException.class, request, response);
    }

    private void login(OidcClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        OidcProviderConfiguration configuration = client.configuration();
        SignInTargets.Target target = adminChanges.read(() -> SignInTargets.forProvider(
                siteService, configuration.provider().site(), request.getParameter("target")));
        Optional<String> location =
                SignInRedirects.location(client, OidcClient.TARGET_ATTRIBUTE, target.path(), request, response);
        if (location.isPresent()) {
            OidcClient.BrowserBinding binding =
                    (OidcClient.BrowserBinding) request.getAttribute(OidcClient.BINDING_ATTRIBUTE);
            response.addHeader("Set-Cookie", cookie(request, binding.name(), binding.value(), 600));
            SignInRedirects.send(response, location.get());
        }
    }

    private void callback(OidcClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        OidcProviderConfiguration configuration = client.configuration();
        CallContext call = new CallContext(new ServletWebContext(request, response), NoSessionStore.INSTANCE);
        IdentitySource source = IdentitySource.provider(
                configuration.provider().id(),
                configuration.authorities(),
                configuration.settings().justInTime());
        OidcCredentials credentials;
        ExternalIdentity identity;
        try {
            credentials = (OidcCredentials) client.getCredentials(call).orElseThrow();
            UserProfile profile = client.getUserProfile(
                            call, client.validateCredentials(call, credentials).orElseThrow())
                    .orElseThrow();
            identity = oidc.service().completeGroups(configuration.provider(), SsoIdentities.from(profile));
        } catch (OidcException | IncompleteIdentityException | ValidationException e) {
            dev.gatehouse.sso.metrics.Metrics.signIn(
                    configuration.provider().id().toString(), "invalid_message");
            signInCompletion.refusedBeforeIdentity(
                    configuration.provider().site(),
                    source,
                    "sso:" + configuration.provider().id() + " from " + request.getRemoteAddr() + ": "
                            + e.getMessage());
            SignInPages.error(request, response, 400, OidcRefusals.message(e));
            return;
        }
        String state = request.getParameter("state");
        response.addHeader("Set-Cookie", cookie(request, OidcClient.cookieNameOf(state), "", 0));
        SignInTargets.Target target = adminChanges.read(() ->
                SignInTargets.forProvider(siteService, configuration.provider().site(), credentials.target()));
        IdentityOutcome outcome = signInCompletion.complete(target.site().id(), source, identity);
        SignInResponder.respond(
                outcome,
                target.site(),
                configuration.provider(),
                Map.of(
                        OidcSession.SESSION_ATTRIBUTE,
                        new OidcSession(configuration.provider().id())),
                target.path(),
                request,
                response);
    }

    private String cookie(HttpServletRequest request, String name, String value, int maxAge) {
        // users reach Gatehouse at its base URL: an https base URL behind a proxy that ends TLS is https to the browser
        boolean https = request.isSecure() || oidc.service().baseUrl().startsWith("https:");
        return bindingCookie(request.getContextPath(), name, value, maxAge, https);
    }

    /**
     * The binding cookie's {@code Set-Cookie} value: only for the OpenID paths, HttpOnly, ten minutes. Over https it is
     * {@code SameSite=None; Secure}, since the identity provider's form_post is a cross-site POST that a Lax cookie
     * would not accompany; over plain http (loopback) it is Lax, as browsers refuse {@code SameSite=None} without
     * {@code Secure}.
     */
    static String bindingCookie(String contextPath, String name, String value, int maxAge, boolean https) {
        return name + "=" + value + "; Path=" + contextPath + "/oidc/; Max-Age=" + maxAge + "; HttpOnly"
                + (https ? "; Secure; SameSite=None" : "; SameSite=Lax");
    }
}
