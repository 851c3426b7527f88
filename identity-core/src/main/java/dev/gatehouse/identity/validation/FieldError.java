package dev.gatehouse.identity.validation;

import java.util.Objects;

/**
 * One thing wrong with one field of an input: which field, and a message that says what was received, what is allowed
 * and how to fix it. The message never contains a secret value.
 *
 * @param field the field's name as the caller spelled it, dotted for nested fields ({@code settings.tenantId})
 * @param message what was wrong and the fix
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
