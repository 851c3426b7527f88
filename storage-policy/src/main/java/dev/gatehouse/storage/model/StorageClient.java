package dev.gatehouse.storage.model;

import dev.gatehouse.identity.domain.SiteId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A storage server's credential for the decision API of one site. The secret is random (256 bits), shown once at
 * creation and stored only as its SHA-256 hash; {@link #toString()} never shows the hash.
 */
public record StorageClient(UUID id, SiteId site, String name, String secretHash, Instant createdAt) {
    public StorageClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "StorageClient[" + id + ", site=" + site + ", name=" + name + "]";
    }
}
