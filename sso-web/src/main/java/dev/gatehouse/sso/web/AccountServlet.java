package dev.gatehouse.sso.web;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.Credentials;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.credentials.CredentialView;
import dev.gatehouse.sso.errors.Failure;
import dev.gatehouse.sso.security.Csrf;
import dev.gatehouse.sso.security.Pages;
import dev.gatehouse.sso.security.SignedIn;
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
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in user's own page for file clients: their app passwords (several, named), created here and shown once,
 * and revoked here. Users who sign in by SSO have no password an SFTP, WebDAV or SMB client could use; an app password
 * is that, accepted only by the storage servers' authentication API with the user's login.
 */
@WebServlet("/account")
public class AccountServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    AdminChanges adminChanges;

    @Inject
    Credentials credentials;

    @Inject
    UserRepository userRepository;

    @Inject
    GatehouseSettings gatehouseSettings;

    /** A new app password, shown on this answer only. */
    public record NewAppPassword(String name, String login, String secret) {
        @Override
        public String toString() {
            return "NewAppPassword[" + name + ", ****]";
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<User> user = signedIn(request);
        if (user.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        render(request, response, user.get(), 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null
                || !Csrf.originAllowed(request, gatehouseSettings.baseUrl())
                || !Csrf.tokenMatches(request, session)) {
            response.sendError(403, "The form expired or came from another site. Reload the page and try again.");
            return;
        }
        Optional<User> signedIn = signedIn(request);
        if (signedIn.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        User user = signedIn.get();
        SignedIn who = (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        try {
            if ("revoke".equals(request.getParameter("action"))) {
                UUID id = uuid(request.getParameter("id"));
                adminChanges.change(null, who.actor(), () -> {
                    Credential credential = credentials.get(user.site(), id);
                    if (!user.id().equals(credential.user())) {
                        throw new NotFoundException("app password", id);
                    }
                    return credentials.revoke(user.site(), id, who.actor());
                });
                response.setStatus(303);
                response.setHeader("Location", request.getContextPath() + "/account");
                return;
            }
            Credentials.Issued issued = adminChanges.change(
                    null,
                    who.actor(),
                    () -> credentials.issue(
                            user.site(),
                            CredentialKind.APP_PASSWORD,
                            user.id(),
                            request.getParameter("name"),
                            null,
                            who.actor()));
            request.setAttribute(
                    "created",
                    new NewAppPassword(
                            issued.credential().name(),
                            user.login().value(),
                            issued.secret().value()));
            render(request, response, user, 200);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e).orElseThrow(() -> e);
            request.setAttribute("errors", failure.messages());
            render(request, response, user, failure.status());
        }
    }

    private Optional<User> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
        if (signedIn == null) {
            return Optional.empty();
        }
        Optional<User> user =
                adminChanges.read(() -> userRepository.find(signedIn.user())).filter(User::isEnabled);
        if (user.isEmpty()) {
            session.invalidate(); // disabled, deprovisioned or deleted since the sign-in
        }
        return user;
    }

    private void render(HttpServletRequest request, HttpServletResponse response, User user, int status)
            throws ServletException, IOException {
        Instant now = Clock.systemUTC().instant();
        request.setAttribute("user", user);
        request.setAttribute("appPasswords", adminChanges.read(() -> credentials.listOf(user.id()).stream()
                .filter(c -> c.kind() == CredentialKind.APP_PASSWORD && c.revokedAt() == null)
                .map(c -> CredentialView.of(c, now))
                .toList()));
        request.setAttribute("csrf", Csrf.token(request.getSession()));
        response.setStatus(status);
        Pages.noStore(response);
        request.getRequestDispatcher("/WEB-INF/views/account.jsp").forward(request, response);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("app password", text);
        }
    }
}
