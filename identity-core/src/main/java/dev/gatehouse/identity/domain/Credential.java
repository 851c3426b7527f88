package dev.gatehouse.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A generated secret handed out once: a SCIM token, an admin API token or an app password. Only the SHA-256 of the
 * secret is kept ({@link #secretHash()}); {@link #toString()} never shows even that.
 *
 * @param user the user the credential acts as (an API token's administrator, an app password's owner), or
 *     {@code null} for a SCIM token, which acts for the site's provisioning client
 * @param expiresAt {@code null}: never expires
 * @param alertedDays the smallest number of days before expiry an alert was raised at ({@code null}: none yet)
 */
public record Credential(
        UUID id,
        SiteId site,
        CredentialKind kind,
        UserId user,
        String name,
        String secretHash,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        Integer alertedDays) {

    /** Within this many days of its expiry a credential is {@link Status#EXPIRING}; alerts start there. */
    public static final int EXPIRING_DAYS = 30;

    public enum Status {
        VALID,
        EXPIRING,
        EXPIRED,
        REVOKED
    }

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt == null) {
            return Status.VALID;
        }
        if (!now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return now.plus(Duration.ofDays(EXPIRING_DAYS)).isBefore(expiresAt) ? Status.VALID : Status.EXPIRING;
    }

    /** Whether the credential may be used at {@code now}: neither revoked nor expired. */
    public boolean usable(Instant now) {
        Status status = status(now);
        return status == Status.VALID || status == Status.EXPIRING;
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public Credential withSecretHash(String newHash) {
        return new Credential(
                id, site, kind, user, name, newHash, createdAt, expiresAt, revokedAt, lastUsedAt, alertedDays);
    }

    public Credential withExpiry(Instant newExpiry) {
        return new Credential(
                id, site, kind, user, name, secretHash, createdAt, newExpiry, revokedAt, lastUsedAt, null);
    }

    public Credential revoked(Instant at) {
        return new Credential(
                id, site, kind, user, name, secretHash, createdAt, expiresAt, at, lastUsedAt, alertedDays);
    }

    public Credential usedAt(Instant at) {
        return new Credential(id, site, kind, user, name, secretHash, createdAt, expiresAt, revokedAt, at, alertedDays);
    }

    public Credential alertedAt(int days) {
        return new Credential(
                id, site, kind, user, name, secretHash, createdAt, expiresAt, revokedAt, lastUsedAt, days);
    }

    @Override
    public String toString() {
        return "Credential[" + kind.code() + " " + id + " '" + name + "']";
    }
}
