package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "credentials")
final class CredentialEntity {
    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 20)
    String kind;

    @Column(name = "user_id")
    UUID userId;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    String secretHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "last_used_at")
    Instant lastUsedAt;

    @Column(name = "alerted_days")
    Integer alertedDays;

    protected CredentialEntity() {}

    CredentialEntity(Credential credential) {
        id = credential.id();
        copy(credential);
    }

    void copy(Credential credential) {
        siteId = credential.site().value();
        kind = credential.kind().code();
        userId = credential.user() == null ? null : credential.user().value();
        name = credential.name();
        secretHash = credential.secretHash();
        createdAt = credential.createdAt();
        expiresAt = credential.expiresAt();
        revokedAt = credential.revokedAt();
        lastUsedAt = credential.lastUsedAt();
        alertedDays = credential.alertedDays();
    }

    Credential toDomain() {
        return new Credential(
                id,
                new SiteId(siteId),
                CredentialKind.parse("kind", kind),
                userId == null ? null : new UserId(userId),
                name,
                secretHash,
                createdAt,
                expiresAt,
                revokedAt,
                lastUsedAt,
                alertedDays);
    }
}
