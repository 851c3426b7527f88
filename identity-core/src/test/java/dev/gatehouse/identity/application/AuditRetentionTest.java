package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditRetentionTest {
    final ServicesFixture f = new ServicesFixture();

    AuditEvent event(Duration age) {
        return AuditEvent.of(
                f.clock.instant().minus(age), f.site.id(), Actor.SYSTEM, AuditType.LOGIN_FAILED, "", false, "x");
    }

    @Test
    void eventsOlderThanTheRetentionGoAndThePurgeIsAudited() {
        f.store.audit.clear();
        f.store.append(event(Duration.ofDays(401)));
        f.store.append(event(Duration.ofDays(399)));
        assertThat(new AuditRetention(f.store, f.store, 400, f.clock).purge()).isEqualTo(1);
        assertThat(f.store.audit).hasSize(2);
        assertThat(f.store.audit.get(1).type()).isEqualTo(AuditType.AUDIT_PURGED);
        assertThat(new AuditRetention(f.store, f.store, 400, f.clock).purge()).isZero();
    }
}
