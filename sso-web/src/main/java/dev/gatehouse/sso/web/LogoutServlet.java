package dev.gatehouse.sso.web;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.persistence.Transactions;
import dev.gatehouse.sso.security.Csrf;
import dev.gatehouse.sso.security.Pages;
import dev.gatehouse.sso.security.SignedIn;
import dev.gatehouse.sso.signin.SignInProtocol;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends the session (POST with the CSRF token only, so another site cannot sign a user out). A session signed in through
 * a protocol continues to the identity provider's logout when the protocol offers one (SAML single logout with a
 * logout URL).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    Transactions transactions;

    @Inject
    GatehouseSettings gatehouseSettings;

    @Inject
    AuditLog auditLog;

    @Inject
    SignInRegistry signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (!Csrf.originAllowed(request, gatehouseSettings.baseUrl()) || !Csrf.tokenMatches(request, session)) {
                response.sendError(403, "The sign-out form expired. Reload the page and try again.");
                return;
            }
            if (session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn signedIn) {
                transactions.run(() -> auditLog.append(AuditEvent.of(
                        Instant.now(),
                        signedIn.site(),
                        signedIn.actor(),
                        AuditType.LOGOUT,
                        "user:" + signedIn.user(),
                        true,
                        "")));
            }
            String slug = session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn s ? s.siteSlug() : null;
            String target = slug == null ? "/login" : "/?site=" + slug;
            Optional<String> idp = Optional.empty();
            for (SignInProtocol protocol : signIn.protocols().all()) {
                idp = idp.or(() -> protocol.logout(session, target));
            }
            session.invalidate();
            if (idp.isPresent()) {
                // a page that moves on by itself, not a redirect: the sign-out form's CSP (form-action 'self') would
                // block a form submission that is redirected to the identity provider
                Pages.noStore(response);
                request.setAttribute("location", idp.get());
                request.getRequestDispatcher("/WEB-INF/views/sso-continue.jsp").forward(request, response);
                return;
            }
        }
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + "/login");
    }
}
