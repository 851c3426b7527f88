package dev.gatehouse.sso.signin;

import dev.gatehouse.sso.pac4j.NoSessionStore;
import dev.gatehouse.sso.pac4j.ServletWebContext;
import dev.gatehouse.sso.signin.state.SignInStateFullException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.pac4j.core.client.IndirectClient;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.exception.http.FoundAction;

/** Starting a sign-in at an identity provider, for every protocol's pac4j client. */
public final class SignInRedirects {
    private SignInRedirects() {}

    /**
     * Asks the client for its redirection to the identity provider, handing it the checked target in a request
     * attribute. When a budget of outstanding sign-ins is used up, the page saying so is sent instead (429 or 503).
     *
     * @param targetAttribute the request attribute the client reads the target from
     * @return where to send the browser; empty when a page was sent
     */
    public static Optional<String> location(
            IndirectClient client,
            String targetAttribute,
            String target,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        ServletWebContext context = new ServletWebContext(request, response);
        context.setRequestAttribute(targetAttribute, target);
        try {
            FoundAction redirect =
                    (FoundAction) client.getRedirectionAction(new CallContext(context, NoSessionStore.INSTANCE))
                            .orElseThrow();
            return Optional.of(redirect.getLocation());
        } catch (SignInStateFullException e) {
            SignInPages.stateFull(request, response, e);
            return Optional.empty();
        }
    }

    /** Sends the browser to the identity provider; the answer is never cached. */
    public static void send(HttpServletResponse response, String location) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(location);
    }
}
