package dev.gatehouse.identity.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors while a whole input is checked, then throws them together. Messages quote the received value
 * unless the field is secret.
 */
public final class Checks {
    private final List<FieldError> errors = new ArrayList<>();

    public Checks fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /**
     * A required text: present, not blank, at most {@code maxLength} characters, without control or bidirectional
     * formatting characters. Returns whether it passed.
     */
    public boolean required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            fail(field, "is required and must not be blank");
            return false;
        }
        return optional(field, value, maxLength);
    }

    /**
     * A required document (uploaded XML and the like): present, not blank, at most {@code maxLength} characters. Unlike
     * free text it may span lines; its own parser checks the rest.
     */
    public boolean requiredDocument(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            fail(field, "is required and must not be blank");
            return false;
        }
        if (value.length() > maxLength) {
            fail(field, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
            return false;
        }
        return true;
    }

    /**
     * An optional text: absent, or at most {@code maxLength} characters without control or bidirectional formatting
     * characters.
     */
    public boolean optional(String field, String value, int maxLength) {
        if (value == null) {
            return true;
        }
        if (value.length() > maxLength) {
            fail(field, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
            return false;
        }
        int unsafe = Texts.firstUnsafeCharacter(value);
        if (unsafe >= 0) {
            fail(
                    field,
                    String.format(
                            "contains the control or bidirectional formatting character U+%04X; remove it (names and"
                                    + " descriptions are plain text on one line)",
                            unsafe));
            return false;
        }
        return true;
    }

    /** A required text that must match {@code pattern}; {@code allowed} describes the pattern to a person. */
    public boolean matches(String field, String value, Pattern pattern, String allowed) {
        if (value == null || value.isBlank()) {
            fail(field, "is required; " + allowed);
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            fail(field, "'" + Texts.printable(value) + "' is not allowed; " + allowed);
            return false;
        }
        return true;
    }

    /**
     * Runs a value constructor that validates itself, moving its errors into these checks.
     *
     * @return the value, or {@code null} when it was refused
     */
    public <T> T attempt(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
