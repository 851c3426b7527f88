package dev.gatehouse.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flood of refusals costs a bounded number of audit rows with bounded text (hardening point 6). */
class BoundedAuditWriterTest {
    final ServicesFixture f = new ServicesFixture();

    @Test
    void aFloodIsItemizedUpToTheBudgetAndCountedBeyondIt() {
        BoundedAuditWriter writer = new BoundedAuditWriter(
                f.store, f.store, AuditType.LOGIN_FAILED, "refused sign-in messages", 20, f.clock);
        writer.close();
        int before = f.store.audit.size();
        for (int i = 0; i < 2000; i++) {
            writer.record(f.site.id(), new Actor(null, "sso:x"), () -> "", () -> "attacker text ".repeat(200));
        }
        writer.flush();

        List<AuditEvent> written = f.store.audit.subList(before, f.store.audit.size());
        assertThat(written.size()).isBetween(2, 41);
        assertThat(written).allMatch(e -> e.detail().length() <= BoundedAuditWriter.MAX_DETAIL + 1);
        assertThat(written.get(written.size() - 1).detail())
                .contains("further refused sign-in messages were counted, not audited one by one");
    }
}
