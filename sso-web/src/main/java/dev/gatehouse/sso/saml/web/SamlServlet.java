package dev.gatehouse.sso.saml.web;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.IdentityOutcome;
import dev.gatehouse.identity.application.SignInCompletion;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.graph.GraphApp;
import dev.gatehouse.sso.graph.GraphCredentials;
import dev.gatehouse.sso.graph.GraphFeature;
import dev.gatehouse.sso.identity.IncompleteIdentityException;
import dev.gatehouse.sso.identity.SsoIdentities;
import dev.gatehouse.sso.pac4j.NoSessionStore;
import dev.gatehouse.sso.pac4j.ServletWebContext;
import dev.gatehouse.sso.saml.SamlFeature;
import dev.gatehouse.sso.saml.client.SamlClient;
import dev.gatehouse.sso.saml.client.SamlCredentials;
import dev.gatehouse.sso.saml.client.SamlProfile;
import dev.gatehouse.sso.saml.config.SamlProviderConfiguration;
import dev.gatehouse.sso.saml.engine.RedirectBinding;
import dev.gatehouse.sso.saml.engine.SamlException;
import dev.gatehouse.sso.saml.engine.SamlLogoutValidator;
import dev.gatehouse.sso.saml.engine.SamlMessages;
import dev.gatehouse.sso.saml.metadata.MetadataException;
import dev.gatehouse.sso.signin.ProviderRoute;
import dev.gatehouse.sso.signin.SignInPages;
import dev.gatehouse.sso.signin.SignInRedirects;
import dev.gatehouse.sso.signin.SignInResponder;
import dev.gatehouse.sso.signin.SignInTargets;
import dev.gatehouse.sso.signin.state.PendingRequest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.profile.UserProfile;

/**
 * The SP endpoints of every SAML provider, under {@code /saml/<provider id>/}: {@code metadata} (GET), {@code login}
 * (GET, SP-initiated; {@code ?target=} as for RelayState), {@code acs} (HTTP-POST binding) and {@code slo}
 * (HTTP-Redirect binding: the IdP's LogoutRequest, or its LogoutResponse to ours). Every refusal shows a page a user
 * understands; the reason is in the audit log.
 */
@WebServlet("/saml/*")
public class SamlServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    AdminChanges adminChanges;

    @Inject
    SiteService siteService;

    @Inject
    SignInCompletion signInCompletion;

    @Inject
    SamlFeature saml;

    @Inject
    GraphFeature graph;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        ProviderRoute route = ProviderRoute.of(request);
        if (route == null) {
            response.sendError(404);
            return;
        }
        Optional<SamlClient> client = client(route.provider(), request, response);
        if (client.isEmpty()) {
            return;
        }
        switch (route.action()) {
            case "metadata" -> SpMetadata.write(client.get().configuration(), response);
            case "login" -> login(client.get(), request, response);
            case "slo" -> singleLogout(client.get(), request, response);
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        ProviderRoute route = ProviderRoute.of(request);
        if (route == null || !"acs".equals(route.action())) {
            response.sendError(404);
            return;
        }
        Optional<SamlClient> client = client(route.provider(), request, response);
        if (client.isPresent()) {
            acs(client.get(), request, response);
        }
    }

    private Optional<SamlClient> client(ProviderId id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        return SignInPages.client(id, saml.service()::client, MetadataException.class, request, response);
    }

    private void login(SamlClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        SamlProviderConfiguration configuration = client.configuration();
        SignInTargets.Target target = adminChanges.read(() -> target(configuration, request.getParameter("target")));
        Optional<String> location =
                SignInRedirects.location(client, SamlClient.TARGET_ATTRIBUTE, target.path(), request, response);
        if (location.isPresent()) {
            SignInRedirects.send(response, location.get());
        }
    }

    private void acs(SamlClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        SamlProviderConfiguration configuration = client.configuration();
        CallContext call = new CallContext(new ServletWebContext(request, response), NoSessionStore.INSTANCE);
        UserProfile profile;
        ExternalIdentity identity;
        Optional<PendingRequest> pending;
        try {
            SamlCredentials credentials =
                    (SamlCredentials) client.getCredentials(call).orElseThrow();
            pending = credentials.assertion().request();
            profile = client.getUserProfile(
                            call, client.validateCredentials(call, credentials).orElseThrow())
                    .orElseThrow();
            identity = completeGroups(configuration, SsoIdentities.from(profile));
        } catch (SamlException | IncompleteIdentityException | ValidationException e) {
            refused(configuration, request, response, e);
            return;
        }
        String relayState = pending.map(PendingRequest::target).orElse(request.getParameter("RelayState"));
        SignInTargets.Target target = adminChanges.read(() -> target(configuration, relayState));
        Provider provider = configuration.provider();
        IdentityOutcome outcome = signInCompletion.complete(target.site().id(), source(configuration), identity);
        SamlSession samlSession = new SamlSession(
                provider.id(),
                profile.getId(),
                String.valueOf(profile.getAttribute(SamlProfile.NAME_ID_FORMAT)),
                profile.getAttribute(SamlProfile.SESSION_INDEX) == null
                        ? null
                        : String.valueOf(profile.getAttribute(SamlProfile.SESSION_INDEX)));
        SignInResponder.respond(
                outcome,
                target.site(),
                provider,
                Map.of(SamlSession.SESSION_ATTRIBUTE, samlSession),
                target.path(),
                request,
                response);
    }

    /**
     * The identity with its groups completed through Microsoft Graph when the provider has a Graph app: an overage
     * ({@code groups.link}) resolved, names for groups created just in time.
     */
    private ExternalIdentity completeGroups(SamlProviderConfiguration configuration, ExternalIdentity identity) {
        GraphApp app = configuration.settings().graph();
        Optional<GraphCredentials> credentials = app != null && identity.key() instanceof LinkKey.Entra user
                ? Optional.of(app.in(user.tenant().value().toString()))
                : Optional.empty();
        return graph.groups().complete(configuration.provider().id(), credentials, identity);
    }

    /** Who vouches for the identities of this provider: its Entra tenant, with just-in-time as configured. */
    private static IdentitySource source(SamlProviderConfiguration configuration) {
        return IdentitySource.provider(
                configuration.provider().id(),
                configuration.authorities(),
                configuration.settings().justInTime());
    }

    private SignInTargets.Target target(SamlProviderConfiguration configuration, String relayState) {
        return SignInTargets.forProvider(siteService, configuration.provider().site(), relayState);
    }

    private void refused(
            SamlProviderConfiguration configuration,
            HttpServletRequest request,
            HttpServletResponse response,
            RuntimeException e)
            throws IOException, ServletException {
        dev.gatehouse.sso.metrics.Metrics.signIn(configuration.provider().id().toString(), "invalid_message");
        signInCompletion.refusedBeforeIdentity(
                configuration.provider().site(),
                source(configuration),
                "sso:" + configuration.provider().id() + " from " + request.getRemoteAddr() + ": " + e.getMessage());
        SignInPages.error(request, response, 400, SamlRefusals.message(e));
    }

    private void singleLogout(SamlClient client, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        SamlProviderConfiguration configuration = client.configuration();
        SamlLogoutValidator logout = new SamlLogoutValidator(saml.service().state(), Clock.systemUTC());
        try {
            RedirectBinding.Received message = RedirectBinding.receive(request.getQueryString());
            if ("SAMLResponse".equals(message.parameter())) {
                PendingRequest answered = logout.response(
                        message, configuration.provider().id(), configuration.trust(), configuration.sp());
                response.setStatus(303);
                response.setHeader("Location", request.getContextPath() + answered.target());
                return;
            }
            SamlLogoutValidator.LogoutRequest logoutRequest =
                    logout.request(message, configuration.trust(), configuration.sp());
            HttpSession session = request.getSession(false);
            if (session != null
                    && session.getAttribute(SamlSession.SESSION_ATTRIBUTE) instanceof SamlSession saml
                    && saml.provider().equals(configuration.provider().id())
                    && saml.nameId().equals(logoutRequest.nameId())) {
                session.invalidate();
            }
            String destination = configuration
                    .sloUrl()
                    .orElseThrow(() -> new SamlException(
                            SamlException.Reason.MALFORMED, "the provider has no single logout URL to answer to"));
            String answer = SamlMessages.logoutResponse(
                    SamlMessages.newId(), Instant.now(), configuration.sp(), destination, logoutRequest.id());
            response.sendRedirect(RedirectBinding.url(
                    destination, "SAMLResponse", answer, message.relayState().orElse(null)));
        } catch (SamlException e) {
            refused(configuration, request, response, e);
        }
    }
}
