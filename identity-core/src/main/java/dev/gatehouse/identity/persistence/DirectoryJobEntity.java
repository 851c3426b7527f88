package dev.gatehouse.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A join or leave job; its steps one per line: state, time, name and detail separated by tabs. */
@Entity
@Table(name = "directory_jobs")
final class DirectoryJobEntity {
    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 10)
    String kind;

    @Column(nullable = false, length = 10)
    String state;

    @Column(nullable = false, length = 20000)
    String steps;

    @Column(nullable = false, length = 300)
    String actor;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    protected DirectoryJobEntity() {}

    DirectoryJobEntity(UUID id) {
        this.id = id;
    }
}
