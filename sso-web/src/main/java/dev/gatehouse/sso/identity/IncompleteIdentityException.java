package dev.gatehouse.sso.identity;

/** A provider's profile lacks what Gatehouse needs to identify the user; the message names the claim. */
public class IncompleteIdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncompleteIdentityException(String message) {
        super(message);
    }
}
