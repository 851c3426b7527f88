package dev.gatehouse.sso.persistence;

/** The database could not be reached within the connect timeout; answered with 503 and retried by the caller. */
public class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super("the database is unavailable; try again shortly", cause);
    }
}
