package dev.gatehouse.sso.security;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.LoginResult;
import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.errors.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Admits administrators to the admin API ({@code /api/*}) and the console ({@code /console/*}).
 *
 * <p>Credentials: the session of the login page, or HTTP Basic for automation. A Basic user name is the login for the
 * default site, or {@code <site slug>\<login>} for another site. Basic passwords go through the same throttle as the
 * login page.
 *
 * <p>{@code /api/v1/storage/*} is the storage servers' API, admitted by {@link StorageClientFilter} instead.
 *
 * <p>The user is re-read on every request: a disabled user or one who lost the administrator role is refused at once
 * (and their session ended). State-changing requests must pass {@link Csrf}.
 */
@WebFilter(
        filterName = "AdminFilter",
        urlPatterns = {"/api/*", "/console/*"})
public class AdminFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    public static final String REQUEST_ATTRIBUTE = "gatehouse.admin";

    @Inject
    AdminChanges adminChanges;

    @Inject
    PasswordSignIn passwordSignIn;

    @Inject
    GatehouseSettings gatehouseSettings;

    @Inject
    UserRepository userRepository;

    @Inject
    Credentials credentials;

    @Inject
    SiteService siteService;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isStorageServerPath(request)) {
            chain.doFilter(request, response); // storage servers: StorageClientFilter admits them
            return;
        }
        boolean api = request.getServletPath().startsWith("/api");
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        String authorization = request.getHeader("Authorization");
        boolean basic =
                signedIn == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean bearer =
                signedIn == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);

        if (Csrf.isStateChanging(request) && !Csrf.originAllowed(request, gatehouseSettings.baseUrl())) {
            refuse(response, api, 403, "Forbidden", "the request comes from another origin");
            return;
        }
        if (basic) {
            signedIn = basicSignIn(request, response, authorization.substring(6).trim());
            if (signedIn == null) {
                return;
            }
        } else if (bearer) {
            signedIn = tokenSignIn(authorization.substring(7).trim());
            if (signedIn == null) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"Gatehouse\"");
                Problems.write(response, 401, "Unauthorized", "the API token is wrong, expired or revoked");
                return;
            }
        } else if (signedIn == null) {
            if (api) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Gatehouse\", charset=\"UTF-8\"");
                Problems.write(
                        response, 401, "Unauthorized", "sign in, or send HTTP Basic credentials of an administrator");
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        } else if (Csrf.isStateChanging(request) && !Csrf.tokenMatches(request, session)) {
            refuse(
                    response,
                    api,
                    403,
                    "Forbidden",
                    "the CSRF token is missing or wrong; send the session's token as the " + Csrf.HEADER
                            + " header or the " + Csrf.FORM_FIELD + " form field");
            return;
        }

        SignedIn admin = signedIn;
        Optional<User> user = adminChanges.read(() -> userRepository.find(admin.user()));
        if (user.isEmpty() || !user.get().isEnabled()) {
            if (session != null && !basic && !bearer) {
                session.invalidate();
            }
            refuse(response, api, 401, "Unauthorized", "the account is disabled or no longer exists");
            return;
        }
        if (!user.get().administrator()) {
            refuse(response, api, 403, "Forbidden", "only administrators may use the console and the admin API");
            return;
        }
        request.setAttribute(REQUEST_ATTRIBUTE, admin);
        chain.doFilter(request, response);
    }

    /**
     * Whether the request is for the storage servers' API, judged on the decoded, normalised path the container routes
     * by (never on the raw URI, where {@code /api/v1/storage/%2e%2e/sites} would pass for a storage path).
     */
    static boolean isStorageServerPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return "/api".equals(request.getServletPath()) && pathInfo != null && pathInfo.startsWith("/v1/storage/");
    }

    private SignedIn basicSignIn(HttpServletRequest request, HttpServletResponse response, String encoded)
            throws IOException {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            Problems.write(response, 401, "Unauthorized", "the Basic credentials are not valid base64");
            return null;
        }
        int colon = decoded.indexOf(':');
        String name = colon < 0 ? decoded : decoded.substring(0, colon);
        char[] password = colon < 0 ? new char[0] : decoded.substring(colon + 1).toCharArray();
        int backslash = name.indexOf('\\');
        String slug = backslash < 0 ? null : name.substring(0, backslash);
        String login = backslash < 0 ? name : name.substring(backslash + 1);
        Optional<Site> site = passwordSignIn.site(slug);
        if (site.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Gatehouse\", charset=\"UTF-8\"");
            Problems.write(response, 401, "Unauthorized", "wrong user name or password");
            return null;
        }
        LoginResult result = passwordSignIn.check(site.get(), login, password, request.getRemoteAddr());
        if (result instanceof LoginResult.Success success) {
            return new SignedIn(
                    success.user().id(),
                    site.get().id(),
                    success.user().login().value(),
                    site.get().slug().value());
        }
        if (result instanceof LoginResult.Throttled throttled) {
            response.setHeader(
                    "Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            Problems.write(response, 429, "Too Many Requests", "too many failed sign-ins; try again later");
            return null;
        }
        if (result instanceof LoginResult.Unavailable) {
            response.setHeader("Retry-After", "30");
            Problems.write(response, 503, "Service Unavailable", "the directory cannot be reached; try again later");
            return null;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Gatehouse\", charset=\"UTF-8\"");
        Problems.write(response, 401, "Unauthorized", "wrong user name or password");
        return null;
    }

    /**
     * An administrator's API token ({@code Authorization: Bearer gha_…}): one primary-key read and a hash comparison,
     * no password hash. Whether its administrator is still enabled and an administrator is checked below, as for every
     * caller.
     */
    private SignedIn tokenSignIn(String token) {
        return adminChanges.read(() -> credentials
                .authenticate(CredentialKind.API_TOKEN, IssuedSecrets.parse(CredentialKind.API_TOKEN, token))
                .flatMap(credential -> userRepository.find(credential.user()))
                .flatMap(user -> siteService
                        .find(user.site())
                        .map(site -> new SignedIn(
                                user.id(),
                                site.id(),
                                user.login().value(),
                                site.slug().value())))
                .orElse(null));
    }

    private static void refuse(HttpServletResponse response, boolean api, int status, String title, String detail)
            throws IOException {
        if (api) {
            Problems.write(response, status, title, detail);
        } else {
            response.sendError(status, detail);
        }
    }
}
