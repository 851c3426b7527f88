package dev.gatehouse.identity.domain;

import java.util.UUID;

/** An Entra object ID ({@code oid}): immutable per tenant, the anchor of a user's Entra identity. */
public record EntraObjectId(UUID value) {
    public static EntraObjectId parse(String field, String text) {
        return new EntraObjectId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
