package dev.gatehouse.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a Gatehouse user for ever, whatever their login or e-mail becomes. */
public record UserId(UUID value) implements PrincipalId, java.io.Serializable {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; {@code field} names the input in the error. */
    public static UserId parse(String field, String text) {
        return new UserId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
