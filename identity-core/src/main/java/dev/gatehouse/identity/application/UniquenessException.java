package dev.gatehouse.identity.application;

/** A change would give a value that must be unique (a login, an external id, a group name) to a second record. */
public class UniquenessException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public UniquenessException(String field, String message) {
        super(field, message);
    }
}
