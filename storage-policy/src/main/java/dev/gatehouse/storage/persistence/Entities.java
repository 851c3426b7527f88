package dev.gatehouse.storage.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The persistence shapes of the storage policy; the repository converts them to the model. */
final class Entities {
    private Entities() {}

    @Entity(name = "SharedFolderEntity")
    @Table(name = "shared_folders")
    static class SharedFolderRow {
        @Id
        UUID id;

        @Column(name = "site_id", nullable = false)
        UUID siteId;

        @Column(nullable = false, length = 100)
        String name;

        @Column(name = "name_key", nullable = false, length = 100)
        String nameKey;

        @Column(nullable = false, length = 1024)
        String path;

        @Column(name = "created_at", nullable = false)
        Instant createdAt;
    }

    @Entity(name = "AccessEntryEntity")
    @Table(name = "access_entries")
    static class AccessEntryRow {
        @Id
        UUID id;

        @Column(name = "site_id", nullable = false)
        UUID siteId;

        @Column(nullable = false, length = 1024)
        String path;

        @Column(nullable = false, length = 60)
        String grantee;

        @Column(name = "access_right", nullable = false, length = 12)
        String right;

        @Column(name = "created_at", nullable = false)
        Instant createdAt;
    }

    @Embeddable
    record SitePath(@Column(name = "site_id") UUID siteId, @Column(name = "path", length = 1024) String path)
            implements Serializable {}

    @Entity(name = "AclFolderEntity")
    @Table(name = "acl_folders")
    static class AclFolderRow {
        @EmbeddedId
        SitePath key;

        @Column(name = "inherits_parent", nullable = false)
        boolean inheritsParent;
    }

    @Embeddable
    record SiteGrantee(@Column(name = "site_id") UUID siteId, @Column(name = "grantee", length = 60) String grantee)
            implements Serializable {}

    @Entity(name = "QuotaEntity")
    @Table(name = "quotas")
    static class QuotaRow {
        @EmbeddedId
        SiteGrantee key;

        /** {@code null} is unlimited. */
        @Column(name = "limit_bytes")
        Long limitBytes;
    }

    @Embeddable
    record SiteUser(@Column(name = "site_id") UUID siteId, @Column(name = "user_id") UUID userId)
            implements Serializable {}

    @Entity(name = "UsageEntity")
    @Table(name = "storage_usage")
    static class UsageRow {
        @EmbeddedId
        SiteUser key;

        @Column(nullable = false)
        long bytes;

        @Column(name = "reported_at", nullable = false)
        Instant reportedAt;
    }

    @Entity(name = "StorageClientEntity")
    @Table(name = "storage_clients")
    static class StorageClientRow {
        @Id
        UUID id;

        @Column(name = "site_id", nullable = false)
        UUID siteId;

        @Column(nullable = false, length = 100)
        String name;

        @Column(name = "secret_hash", nullable = false, length = 100)
        String secretHash;

        @Column(name = "created_at", nullable = false)
        Instant createdAt;
    }
}
