package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant: its own providers, users, groups, folders and tokens. A child site has a parent; administrators of a site
 * also administer its descendants.
 *
 * @param parent the parent site, or {@code null} for a top-level site
 */
public record Site(SiteId id, SiteSlug slug, String displayName, SiteId parent, Instant createdAt) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Optional<SiteId> parentId() {
        return Optional.ofNullable(parent);
    }

    public Site withDisplayName(String newName) {
        return new Site(id, slug, newName, parent, createdAt);
    }
}
