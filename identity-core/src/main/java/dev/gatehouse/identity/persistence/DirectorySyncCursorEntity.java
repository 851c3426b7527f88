package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Where a site's incremental sync continues on one domain controller. */
@Entity
@Table(name = "directory_sync_cursors")
final class DirectorySyncCursorEntity {
    @EmbeddedId
    Key key;

    @Column(name = "invocation_id", nullable = false, length = 64)
    String invocationId;

    @Column(name = "highest_usn", nullable = false)
    long highestUsn;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected DirectorySyncCursorEntity() {}

    DirectorySyncCursorEntity(Key key) {
        this.key = key;
    }

    @Embeddable
    record Key(@Column(name = "site_id") UUID siteId, @Column(name = "controller", length = 300) String controller)
            implements Serializable {}
}
