package dev.gatehouse.storage.application;

import dev.gatehouse.identity.application.BoundedAuditWriter;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.UnitOfWork;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Audits denied storage decisions without slowing the decision API: at most {@value #ITEMIZED_PER_SECOND} denials a
 * second are itemized, the rest counted (see {@link BoundedAuditWriter}), so a storage server hammering denied paths
 * cannot fill the database.
 */
public final class DenialRecorder implements AutoCloseable {
    static final int ITEMIZED_PER_SECOND = 200;

    private final BoundedAuditWriter writer;

    public DenialRecorder(UnitOfWork unitOfWork, AuditLog auditLog, Clock clock) {
        this.writer = new BoundedAuditWriter(
                unitOfWork, auditLog, AuditType.ACCESS_DENIED, "denials", ITEMIZED_PER_SECOND, clock);
    }

    /** The target and detail are built only for denials that are itemized: most are only counted under load. */
    public void record(SiteId site, String client, Supplier<String> target, Supplier<String> detail) {
        writer.record(site, new Actor(null, client), target, detail);
    }

    @Override
    public void close() {
        writer.close();
    }
}
