package dev.gatehouse.sso.signin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page a user sees when single sign-on does not work: what happened in plain words, and a way back. */
public final class SignInPages {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SignInPages.class.getName());
    /** The minute of the last "outstanding sign-ins full" warning: one line a minute is enough. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_FULL_WARNING =
            new java.util.concurrent.atomic.AtomicLong(-1);

    /** The minute of the last "provider not usable" warning. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_UNAVAILABLE_WARNING =
            new java.util.concurrent.atomic.AtomicLong(-1);

    private SignInPages() {}

    /**
     * A sign-in could not be started because a budget of outstanding sign-ins is used up: 429 for the client that
     * started too many, 503 otherwise (logged at most once a minute: the refused requests may be a flood).
     */
    public static void stateFull(
            HttpServletRequest request,
            HttpServletResponse response,
            dev.gatehouse.sso.signin.state.SignInStateFullException e)
            throws IOException, ServletException {
        response.setHeader("Retry-After", "60");
        if (e.scope() == dev.gatehouse.sso.signin.state.SignInStateFullException.Scope.CLIENT) {
            error(request, response, 429, "You started too many sign-ins. Wait a minute and start again.");
            return;
        }
        long minute = System.nanoTime() / 60_000_000_000L;
        if (LAST_FULL_WARNING.getAndSet(minute) != minute) {
            LOG.warning(e::getMessage);
        }
        error(request, response, 503, "Too many sign-ins are in progress right now. Try again in a minute.");
    }

    /**
     * The protocol client of the provider named in a request's path, or the page saying why there is none: 404 for an
     * unknown or turned-off provider, 503 when {@code lookup} fails with {@code unavailable} (what the provider
     * publishes could not be loaded).
     */
    public static <C> java.util.Optional<C> client(
            dev.gatehouse.identity.domain.ProviderId id,
            java.util.function.Function<dev.gatehouse.identity.domain.ProviderId, java.util.Optional<C>> lookup,
            Class<? extends RuntimeException> unavailable,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        try {
            java.util.Optional<C> client = lookup.apply(id);
            if (client.isEmpty()) {
                unknownProvider(request, response);
            }
            return client;
        } catch (RuntimeException e) {
            if (!unavailable.isInstance(e)) {
                throw e;
            }
            unavailable(request, response, id, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The provider named in the path does not exist or is turned off (404). */
    public static void unknownProvider(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        error(request, response, 404, "This sign-in option does not exist or is turned off.");
    }

    /**
     * The provider cannot be used now: what it publishes (metadata, discovery, keys) could not be loaded (503). The
     * reason goes to the server log here, at most once a minute, and to the provider's status and audit log where it
     * was found.
     */
    public static void unavailable(
            HttpServletRequest request, HttpServletResponse response, Object provider, String why)
            throws IOException, ServletException {
        long minute = System.nanoTime() / 60_000_000_000L;
        if (LAST_UNAVAILABLE_WARNING.getAndSet(minute) != minute) {
            // at most one line a minute: anyone can ask for the sign-in page of a provider that is down
            LOG.warning(() -> "sign-in provider " + provider + " is not usable: " + why);
        }
        error(
                request,
                response,
                503,
                "This sign-in option is not available right now: its identity provider could not be reached or read."
                        + " An administrator has been told.");
    }

    public static void error(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException, ServletException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute("message", message);
        request.getRequestDispatcher("/WEB-INF/views/sso-error.jsp").forward(request, response);
    }
}
