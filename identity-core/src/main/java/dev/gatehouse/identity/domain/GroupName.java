package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.identity.validation.ValidationException;

/** A group's display name, unique per site (case-insensitively): 1–256 characters without control characters. */
public record GroupName(String value) {
    public GroupName {
        if (value == null || value.isBlank() || value.length() > 256 || Texts.firstUnsafeCharacter(value) >= 0) {
            throw ValidationException.of(
                    "name",
                    "'" + Texts.printable(value)
                            + "' is not a valid group name; use 1 to 256 characters without control or bidirectional formatting characters");
        }
        value = value.strip();
    }

    @Override
    public String toString() {
        return value;
    }
}
