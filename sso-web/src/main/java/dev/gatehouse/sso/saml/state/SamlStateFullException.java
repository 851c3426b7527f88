package dev.gatehouse.sso.saml.state;

/** No new sign-in can be remembered now: the store holds as many outstanding requests as it may. */
public class SamlStateFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SamlStateFullException(int max) {
        super(max + " sign-ins are outstanding, the most this node keeps; new ones are refused until some complete or"
                + " expire");
    }
}
