package dev.gatehouse.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a Gatehouse group for ever, whatever its name becomes. */
public record GroupId(UUID value) implements PrincipalId {
    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; {@code field} names the input in the error. */
    public static GroupId parse(String field, String text) {
        return new GroupId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
