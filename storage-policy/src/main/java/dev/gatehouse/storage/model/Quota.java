package dev.gatehouse.storage.model;

import java.util.Objects;

/** A quota set for a user (their own) or a group (the default of its members, nested ones too). */
public record Quota(Grantee grantee, QuotaBytes limit) {
    public Quota {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(limit, "limit");
        if (grantee instanceof Grantee.Everyone) {
            throw new IllegalArgumentException("quotas are set for a user or a group");
        }
    }
}
