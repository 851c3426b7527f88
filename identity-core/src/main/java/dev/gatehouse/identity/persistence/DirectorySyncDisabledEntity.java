package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user the directory sync disabled, which it may enable again. */
@Entity
@Table(name = "directory_sync_disabled")
final class DirectorySyncDisabledEntity {
    @EmbeddedId
    Key key;

    @Column(name = "disabled_at", nullable = false)
    Instant disabledAt;

    protected DirectorySyncDisabledEntity() {}

    DirectorySyncDisabledEntity(Key key, Instant disabledAt) {
        this.key = key;
        this.disabledAt = disabledAt;
    }

    @Embeddable
    record Key(@Column(name = "site_id") UUID siteId, @Column(name = "user_id") UUID userId) implements Serializable {}
}
