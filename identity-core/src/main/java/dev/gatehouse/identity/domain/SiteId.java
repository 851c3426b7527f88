package dev.gatehouse.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a site (a tenant) for ever; never reused. */
public record SiteId(UUID value) implements java.io.Serializable {
    public SiteId {
        Objects.requireNonNull(value, "value");
    }

    public static SiteId random() {
        return new SiteId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; {@code field} names the input in the error. */
    public static SiteId parse(String field, String text) {
        return new SiteId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
