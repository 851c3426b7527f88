package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;

/** Links an external identity's immutable {@link LinkKey} to one Gatehouse user. A key links at most one user per site. */
public record IdentityLink(SiteId site, LinkKey key, UserId user, Instant createdAt) {
    public IdentityLink {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
