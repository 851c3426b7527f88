package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.GroupKey;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A group's link to an external group key of any kind. */
@Entity
@Table(name = "group_links")
final class GroupLinkEntity {
    @EmbeddedId
    Key key;

    @Column(name = "group_id", nullable = false)
    UUID groupId;

    protected GroupLinkEntity() {}

    GroupLinkEntity(Key key, UUID groupId) {
        this.key = key;
        this.groupId = groupId;
    }

    GroupKey groupKey() {
        return GroupKey.of(key.kind(), key.keyValue());
    }

    @Embeddable
    record Key(
            @Column(name = "site_id") UUID siteId,
            @Column(name = "kind", length = 20) String kind,
            @Column(name = "key_value", length = 512) String keyValue)
            implements Serializable {}
}
