package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.Page;

/** Append-only record of logins, admin changes and refusals. Newest first when read. */
public interface AuditLog {
    void append(AuditEvent event);

    Page<AuditEvent> query(AuditQuery query);

    /** Deletes every event older than {@code cutoff}; returns how many. */
    long deleteOlderThan(java.time.Instant cutoff);
}
