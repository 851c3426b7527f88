package dev.gatehouse.sso.signin.state;

/** No new sign-in can be remembered now: a budget of outstanding requests is used up. */
public class SignInStateFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose budget is used up. */
    public enum Scope {
        /** One client address started as many sign-ins as it may: it should slow down (429). */
        CLIENT,
        /** One provider has as many outstanding sign-ins as it may; others still work (503). */
        PROVIDER,
        /** The node keeps as many as it may (503). */
        NODE
    }

    private final Scope scope;

    public SignInStateFullException(Scope scope, int max) {
        super(max + " sign-ins are outstanding for this " + scope.name().toLowerCase(java.util.Locale.ROOT)
                + ", the most kept; new ones are refused until some complete or expire");
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
