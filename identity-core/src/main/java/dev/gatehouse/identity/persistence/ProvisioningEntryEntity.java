package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.ProvisioningEntry;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "provisioning_log")
final class ProvisioningEntryEntity {
    @Id
    UUID id;

    @Column(nullable = false)
    Instant at;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(nullable = false, length = 10)
    String method;

    @Column(nullable = false, length = 300)
    String resource;

    @Column(nullable = false)
    int status;

    @Column(nullable = false, length = 300)
    String outcome;

    @Column(nullable = false, length = 2000)
    String changed;

    @Column(name = "duration_ms", nullable = false)
    int durationMs;

    protected ProvisioningEntryEntity() {}

    ProvisioningEntryEntity(ProvisioningEntry entry) {
        id = entry.id();
        at = entry.at();
        siteId = entry.site().value();
        method = cut(entry.method(), 10);
        resource = cut(entry.resource(), 300);
        status = entry.status();
        outcome = cut(entry.outcome(), 300);
        changed = cut(entry.changed(), 2000);
        durationMs = entry.durationMillis();
    }

    ProvisioningEntry toDomain() {
        return new ProvisioningEntry(
                id, at, new SiteId(siteId), method, resource, status, outcome, changed, durationMs);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
