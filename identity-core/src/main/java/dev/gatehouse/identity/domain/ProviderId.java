package dev.gatehouse.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a sign-in provider (SAML, OIDC or OAuth) of a site. */
public record ProviderId(UUID value) implements java.io.Serializable {
    public ProviderId {
        Objects.requireNonNull(value, "value");
    }

    public static ProviderId random() {
        return new ProviderId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; {@code field} names the input in the error. */
    public static ProviderId parse(String field, String text) {
        return new ProviderId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
