package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.application.IdentityOutcome;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.sso.metrics.Metrics;
import dev.gatehouse.sso.security.Csrf;
import dev.gatehouse.sso.security.SignedIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The web side of a completed sign-in, for every protocol: a success becomes a new session (the old one invalidated, so
 * the session ID and the CSRF token are new) holding who signed in and the protocol's own session state, then a 303 to
 * the target; a refusal becomes a page in plain words (the audit log has the reason).
 */
public final class SignInResponder {
    private SignInResponder() {}

    /**
     * @param protocolSession attributes the protocol keeps in the new session (for its logout), by attribute name
     * @param target the path to land on, already checked against the allowlist
     */
    public static void respond(
            IdentityOutcome outcome,
            Site site,
            Provider provider,
            Map<String, Serializable> protocolSession,
            String target,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        Metrics.signIn(
                provider.id().toString(),
                outcome instanceof IdentityOutcome.Refused refusal
                        ? refusal.refusal().name().toLowerCase(java.util.Locale.ROOT)
                        : "success");
        if (outcome instanceof IdentityOutcome.Success success) {
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            HttpSession session = request.getSession(true);
            session.setAttribute(
                    SignedIn.SESSION_ATTRIBUTE,
                    new SignedIn(
                            success.user().id(),
                            site.id(),
                            success.user().login().value(),
                            site.slug().value()));
            protocolSession.forEach(session::setAttribute);
            Csrf.renew(session);
            response.setStatus(303);
            response.setHeader("Location", request.getContextPath() + target);
            return;
        }
        IdentityOutcome.Refused refused = (IdentityOutcome.Refused) outcome;
        String message =
                switch (refused.refusal()) {
                    case UNKNOWN_USER -> "There is no account for you in " + site.displayName() + " ("
                            + refused.reason() + "). Ask your administrator to add you.";
                    case WRONG_METHOD -> "Your account in " + site.displayName() + " signs in another way, not with "
                            + provider.displayName() + ". Use the sign-in option your administrator gave you.";
                    case DISABLED -> "Your account in " + site.displayName() + " is disabled.";
                    case UNTRUSTED -> "Your identity provider vouched for an identity it is not trusted with. Ask"
                            + " your administrator to check the provider's tenant.";
                    case COLLIDED -> "Your sign-in collided with another one. Start again.";
                };
        SignInPages.error(
                request, response, refused.refusal() == IdentityOutcome.Refusal.COLLIDED ? 409 : 403, message);
    }
}
