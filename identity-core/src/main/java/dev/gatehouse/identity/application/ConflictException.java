package dev.gatehouse.identity.application;

/** The change collides with existing data (a taken login or name, an existing membership) or breaks a rule. */
public class ConflictException extends IdentityException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the input field at fault, or {@code null} when the conflict is about the whole change */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
