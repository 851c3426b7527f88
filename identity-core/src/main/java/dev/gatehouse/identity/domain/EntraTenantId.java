package dev.gatehouse.identity.domain;

import java.util.UUID;

/** An Entra tenant ID ({@code tid}): a GUID, 36 characters with hyphens. */
public record EntraTenantId(UUID value) {
    public static EntraTenantId parse(String field, String text) {
        return new EntraTenantId(Uuids.parse(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
