package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_events")
final class AuditEventEntity {
    @Id
    UUID id;

    @Column(nullable = false)
    Instant at;

    @Column(name = "site_id")
    UUID siteId;

    @Column(nullable = false, length = 300)
    String actor;

    @Column(nullable = false, length = 40)
    String type;

    @Column(nullable = false, length = 300)
    String target;

    @Column(nullable = false)
    boolean success;

    @Column(nullable = false, length = 2000)
    String detail;

    protected AuditEventEntity() {}

    AuditEventEntity(AuditEvent event) {
        id = event.id();
        at = event.at();
        siteId = event.site() == null ? null : event.site().value();
        actor = cut(event.actor(), 300);
        type = event.type().name();
        target = cut(event.target(), 300);
        success = event.success();
        detail = cut(event.detail(), 2000);
    }

    AuditEvent toDomain() {
        return new AuditEvent(
                id,
                at,
                siteId == null ? null : new SiteId(siteId),
                actor,
                AuditType.valueOf(type),
                target,
                success,
                detail);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
