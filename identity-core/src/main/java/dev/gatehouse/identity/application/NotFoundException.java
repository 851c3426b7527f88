package dev.gatehouse.identity.application;

/** The thing named does not exist (or is not visible to the caller). */
public class NotFoundException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super(what + " '" + id + "' does not exist");
    }
}
