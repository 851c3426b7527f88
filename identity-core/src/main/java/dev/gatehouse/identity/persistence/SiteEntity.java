package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sites")
final class SiteEntity {
    @Id
    UUID id;

    @Column(nullable = false, length = 40)
    String slug;

    @Column(name = "display_name", nullable = false, length = 200)
    String displayName;

    @Column(name = "parent_id")
    UUID parentId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected SiteEntity() {}

    SiteEntity(Site site) {
        id = site.id().value();
        update(site);
    }

    void update(Site site) {
        slug = site.slug().value();
        displayName = site.displayName();
        parentId = site.parentId().map(SiteId::value).orElse(null);
        createdAt = site.createdAt();
    }

    Site toDomain() {
        return new Site(
                new SiteId(id),
                new SiteSlug(slug),
                displayName,
                parentId == null ? null : new SiteId(parentId),
                createdAt);
    }
}
