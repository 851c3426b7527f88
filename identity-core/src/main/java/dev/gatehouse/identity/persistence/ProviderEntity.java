package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A provider row: non-secret settings as JSON, the secret encrypted by the master key (bound to the provider ID). */
@Entity
@Table(name = "providers")
final class ProviderEntity {
    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 10)
    String kind;

    @Column(name = "display_name", nullable = false, length = 100)
    String displayName;

    @Column(nullable = false)
    boolean enabled;

    @Column(nullable = false, length = 1_000_000)
    String settings;

    @Column(length = 4000)
    String secret;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ProviderEntity() {}
}
