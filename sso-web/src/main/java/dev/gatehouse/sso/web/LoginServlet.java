package dev.gatehouse.sso.web;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.LoginResult;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.security.Csrf;
import dev.gatehouse.sso.security.Pages;
import dev.gatehouse.sso.security.PasswordSignIn;
import dev.gatehouse.sso.security.SignedIn;
import dev.gatehouse.sso.signin.SignInProtocol;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The login page at the application root. A successful password sign-in gets a new session ID (the pre-login ID dies,
 * defeating session fixation) and a new CSRF token. Every failure shows the same message; the reason is audited.
 * The page names the site ({@code ?site=<slug>}, default site otherwise); "Sign in with …" buttons of the site's SSO
 * providers appear above the password form.
 */
@WebServlet(urlPatterns = {"", "/login"})
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String FAILED = "Sign-in failed: the login or password is wrong, or this account cannot sign in here.";

    @Inject
    AdminChanges adminChanges;

    @Inject
    PasswordSignIn passwordSignIn;

    @Inject
    SiteService siteService;

    @Inject
    GatehouseSettings gatehouseSettings;

    @Inject
    ProviderRepository providerRepository;

    @Inject
    SignInRegistry signIn;

    @Inject
    UserRepository userRepository;

    private boolean stillEnabled(SignedIn signedIn) {
        return adminChanges
                .read(() -> userRepository.find(signedIn.user()))
                .filter(User::isEnabled)
                .isPresent();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession();
        SignedIn signedIn = (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        if (signedIn != null && !stillEnabled(signedIn)) {
            // disabled, deprovisioned or deleted since the sign-in (by an administrator or SCIM): the session ends
            session.invalidate();
            session = request.getSession();
            signedIn = null;
        }
        if (signedIn != null && "/login".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Optional<Site> site = passwordSignIn.site(request.getParameter("site"));
        if (site.isEmpty()) {
            response.sendError(404, "There is no site with that name.");
            return;
        }
        render(request, response, site.get(), signedIn, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null
                || !Csrf.originAllowed(request, gatehouseSettings.baseUrl())
                || !Csrf.tokenMatches(request, session)) {
            response.sendError(
                    403, "The sign-in form expired or came from another site. Reload the page and try again.");
            return;
        }
        Optional<Site> site = passwordSignIn.site(request.getParameter("site"));
        String login = request.getParameter("login");
        String password = request.getParameter("password");
        if (site.isEmpty() || login == null || password == null) {
            render(request, response, site.orElse(null), null, FAILED, 400);
            return;
        }
        LoginResult result = passwordSignIn.check(site.get(), login, password.toCharArray(), request.getRemoteAddr());
        dev.gatehouse.sso.metrics.Metrics.signIn(
                "local",
                result instanceof LoginResult.Success
                        ? "success"
                        : result instanceof LoginResult.Throttled
                                ? "throttled"
                                : result instanceof LoginResult.Unavailable ? "unavailable" : "wrong_password");
        if (result instanceof LoginResult.Success success) {
            request.changeSessionId();
            session.setAttribute(
                    SignedIn.SESSION_ATTRIBUTE,
                    new SignedIn(
                            success.user().id(),
                            site.get().id(),
                            success.user().login().value(),
                            site.get().slug().value()));
            Csrf.renew(session);
            String target = success.user().administrator() ? "/console/users" : "/";
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + target);
        } else if (result instanceof LoginResult.Throttled throttled) {
            response.setHeader(
                    "Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            render(
                    request,
                    response,
                    site.get(),
                    null,
                    "Too many failed sign-ins. Wait "
                            + Math.max(1, throttled.retryAfter().toSeconds()) + " seconds and try again.",
                    429);
        } else if (result instanceof LoginResult.Unavailable) {
            response.setHeader("Retry-After", "30");
            render(
                    request,
                    response,
                    site.get(),
                    null,
                    "The directory that checks your password cannot be reached. Try again in a minute; sign-in"
                            + " with single sign-on is not affected.",
                    503);
        } else {
            render(request, response, site.get(), null, FAILED, 401);
        }
    }

    /** A "Sign in with …" button on the login page. */
    public record SsoButton(String label, String href) {}

    /** The enabled SAML providers of the site and of the sites above it (a provider serves its child sites too). */
    private List<SsoButton> ssoButtons(Site site) {
        return adminChanges.read(() -> {
            List<SsoButton> buttons = new ArrayList<>();
            String target = URLEncoder.encode("/?site=" + site.slug().value(), StandardCharsets.UTF_8);
            for (Optional<Site> s = Optional.of(site); s.isPresent(); ) {
                for (Provider provider : providerRepository.listBySite(s.get().id())) {
                    Optional<SignInProtocol> protocol =
                            signIn.protocols().find(provider.settings().kind());
                    if (provider.enabled() && protocol.isPresent()) {
                        buttons.add(new SsoButton(
                                "Sign in with " + provider.displayName(),
                                protocol.get().loginPath(provider, target)));
                    }
                }
                SiteId parent = s.get().parent();
                s = parent == null ? Optional.empty() : siteService.find(parent);
            }
            return buttons;
        });
    }

    private void render(
            HttpServletRequest request,
            HttpServletResponse response,
            Site site,
            SignedIn signedIn,
            String error,
            int status)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute("site", site);
        request.setAttribute("ssoProviders", site == null ? List.of() : ssoButtons(site));
        request.setAttribute("signedIn", signedIn);
        request.setAttribute("error", error);
        request.setAttribute("csrf", Csrf.token(request.getSession()));
        Pages.noStore(response);
        request.getRequestDispatcher("/WEB-INF/views/login.jsp").forward(request, response);
    }
}
