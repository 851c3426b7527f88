package dev.gatehouse.storage.application;

/**
 * No decision can be made because the site's policy cannot be read (the database is down and no current index is
 * available). Answered as a deny with 503: never an implicit allow.
 */
public class PolicyUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
