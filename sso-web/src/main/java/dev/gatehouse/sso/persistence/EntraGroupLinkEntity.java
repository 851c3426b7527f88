package dev.gatehouse.sso.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "entra_group_links")
class EntraGroupLinkEntity {
    @EmbeddedId
    SiteObject key;

    @Column(name = "group_id", nullable = false)
    UUID groupId;

    protected EntraGroupLinkEntity() {}

    EntraGroupLinkEntity(SiteObject key, UUID groupId) {
        this.key = key;
        this.groupId = groupId;
    }

    /** A site and an Entra object ID: the key of both Entra group tables. */
    @Embeddable
    record SiteObject(@Column(name = "site_id") UUID siteId, @Column(name = "object_id") UUID objectId)
            implements Serializable {}
}
