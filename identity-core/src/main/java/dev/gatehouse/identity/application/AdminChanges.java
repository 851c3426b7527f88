package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.IdentityChangeListener;
import dev.gatehouse.identity.port.UnitOfWork;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs an administrator's change in one unit of work and, once it is committed, tells the listeners that the site's
 * identities changed (so the next storage decision sees it). When the change is refused (conflict, break-glass, not
 * found), the refusal is audited in a unit of work of its own, since the change's own one is rolled back.
 */
public class AdminChanges {
    private final UnitOfWork unitOfWork;
    private final IdentityChangeListener changes;
    private final AuditLog auditLog;
    private final Clock clock;

    public AdminChanges(UnitOfWork unitOfWork, IdentityChangeListener changes, AuditLog auditLog, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.changes = changes;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @param site the site whose identities or policy may change, or {@code null} for none */
    public <T> T change(SiteId site, Actor actor, Supplier<T> work) {
        try {
            T result = unitOfWork.inTransaction(work);
            if (site != null) {
                changes.identitiesChanged(site);
            }
            return result;
        } catch (IdentityException refused) {
            unitOfWork.run(() -> auditLog.append(AuditEvent.of(
                    clock.instant(), site, actor, AuditType.CHANGE_REFUSED, "", false, refused.getMessage())));
            throw refused;
        }
    }

    /** {@link #change(SiteId, Actor, Supplier)} for work without a result. */
    public void change(SiteId site, Actor actor, Runnable work) {
        change(site, actor, () -> {
            work.run();
            return null;
        });
    }

    public <T> T read(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }
}
