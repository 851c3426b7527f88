package dev.gatehouse.identity.application;

/** Root of the identity services' refusals other than invalid input ({@code ValidationException}). */
public class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message);
    }
}
