package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The administrator's name for an Entra group object ID. */
@Entity
@Table(name = "entra_group_names")
final class EntraGroupNameEntity {
    @EmbeddedId
    SiteObject key;

    @Column(name = "name", nullable = false, length = 256)
    String name;

    protected EntraGroupNameEntity() {}

    EntraGroupNameEntity(SiteObject key, String name) {
        this.key = key;
        this.name = name;
    }

    /** A site and an Entra object ID. */
    @Embeddable
    record SiteObject(@Column(name = "site_id") UUID siteId, @Column(name = "object_id") UUID objectId)
            implements Serializable {}
}
