package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the audit log to a configured number of days: events older than that are deleted, and the purge itself is
 * audited with how many went. Run daily.
 *
 * <p>Configuration: {@code retentionDays} (constructor; {@code gatehouse.audit.retention-days}, default 400).
 */
public class AuditRetention {
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final Duration retention;
    private final Clock clock;

    public AuditRetention(UnitOfWork unitOfWork, AuditLog auditLog, int retentionDays, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    /** @return how many events were deleted */
    public long purge() {
        Instant cutoff = clock.instant().minus(retention);
        return unitOfWork.inTransaction(() -> {
            long deleted = auditLog.deleteOlderThan(cutoff);
            if (deleted > 0) {
                auditLog.append(AuditEvent.of(
                        clock.instant(),
                        null,
                        Actor.SYSTEM,
                        AuditType.AUDIT_PURGED,
                        "",
                        true,
                        deleted + " events older than " + cutoff + " deleted (retention " + retention.toDays()
                                + " days)"));
            }
            return deleted;
        });
    }
}
