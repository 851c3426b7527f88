package dev.gatehouse.sso.graph;

/** Microsoft Graph could not answer; the message says why and what the administrator can do. */
public class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** 403: the app lacks the permission, or it was not consented in the user's tenant. */
        FORBIDDEN,
        /** 429 or 503 with a Retry-After longer than a sign-in can wait. */
        THROTTLED,
        /** The token endpoint refused the app's credentials (a wrong or expired client secret). */
        CREDENTIALS,
        /** Anything else: unreachable, an unexpected status or body. */
        UNAVAILABLE
    }

    private final Reason reason;

    public GraphException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
