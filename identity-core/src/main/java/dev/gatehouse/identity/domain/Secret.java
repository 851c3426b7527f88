package dev.gatehouse.identity.domain;

import java.util.Objects;

/**
 * A secret value in memory (a client secret, a bind password). Stored encrypted; {@link #toString()} never shows it.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "****";
    }
}
