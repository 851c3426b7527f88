package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import java.time.Clock;

/** Writes audit events with the service's clock; shared by the services of this package. */
final class Audit {
    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void success(SiteId site, Actor actor, AuditType type, String target, String detail) {
        log.append(AuditEvent.of(clock.instant(), site, actor, type, target, true, detail));
    }

    void failure(SiteId site, Actor actor, AuditType type, String target, String detail) {
        log.append(AuditEvent.of(clock.instant(), site, actor, type, target, false, detail));
    }
}
