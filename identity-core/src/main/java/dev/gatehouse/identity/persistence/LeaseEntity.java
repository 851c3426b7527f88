package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named lease: who holds it and until when. */
@Entity
@Table(name = "leases")
final class LeaseEntity {
    @Id
    @Column(length = 200)
    String name;

    @Column(nullable = false, length = 200)
    String holder;

    @Column(name = "acquired_at", nullable = false)
    Instant acquiredAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    protected LeaseEntity() {}

    LeaseEntity(String name) {
        this.name = name;
    }
}
