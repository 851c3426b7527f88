package dev.gatehouse.sso.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "entra_group_names")
class EntraGroupNameEntity {
    @EmbeddedId
    EntraGroupLinkEntity.SiteObject key;

    @Column(name = "name", nullable = false, length = 256)
    String name;

    protected EntraGroupNameEntity() {}

    EntraGroupNameEntity(EntraGroupLinkEntity.SiteObject key, String name) {
        this.key = key;
        this.name = name;
    }
}
