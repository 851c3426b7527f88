package dev.gatehouse.sso.web;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.sso.application.Gatehouse;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;

/** Ends the session (POST with the CSRF token only, so another site cannot sign a user out). */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    Gatehouse gatehouse;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (!Csrf.originAllowed(request, gatehouse.settings().baseUrl()) || !Csrf.tokenMatches(request, session)) {
                response.sendError(403, "The sign-out form expired. Reload the page and try again.");
                return;
            }
            if (session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn signedIn) {
                gatehouse.transactions().run(() -> gatehouse
                        .auditLog()
                        .append(AuditEvent.of(
                                Instant.now(),
                                signedIn.site(),
                                signedIn.actor(),
                                AuditType.LOGOUT,
                                "user:" + signedIn.user(),
                                true,
                                "")));
            }
            session.invalidate();
        }
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + "/login");
    }
}
