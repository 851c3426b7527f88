package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "identity_links")
final class IdentityLinkEntity {
    @EmbeddedId
    Key key;

    @Column(name = "user_id", nullable = false)
    UUID userId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected IdentityLinkEntity() {}

    IdentityLinkEntity(IdentityLink link) {
        key = new Key(link.site().value(), link.key().kind(), link.key().value());
        userId = link.user().value();
        createdAt = link.createdAt();
    }

    IdentityLink toDomain() {
        return new IdentityLink(
                new SiteId(key.siteId), LinkKey.of(key.kind, key.linkValue), new UserId(userId), createdAt);
    }

    @Embeddable
    record Key(
            @Column(name = "site_id") UUID siteId,
            @Column(name = "kind", length = 20) String kind,
            @Column(name = "link_value", length = 512) String linkValue)
            implements Serializable {}
}
