package dev.gatehouse.storage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.QuotaBytes;
import dev.gatehouse.storage.model.Right;
import dev.gatehouse.storage.model.SharedFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rule of {@link PolicyIndex} on a small, hand-made site. */
class PolicyIndexRulesTest {
    private final UserId jane = UserId.random();
    private final UserId bob = UserId.random();
    private final GroupId staff = GroupId.random();
    private final GroupId finance = GroupId.random();
    private final GroupId interns = GroupId.random();
    private final List<AccessEntry> entries = new ArrayList<>();
    private final List<AclFolder> acl = new ArrayList<>();
    private final List<Quota> quotas = new ArrayList<>();
    private Set<UserId> enabled = Set.of(jane, bob);

    /** jane ∈ interns ∈ finance ∈ staff; bob ∈ staff. */
    private PolicyIndex index() {
        return PolicyIndex.build(new PolicySnapshot(
                SiteId.random(),
                enabled,
                Map.of("login:jane", jane),
                Map.of(jane, List.of(interns), bob, List.of(staff)),
                Map.of(interns, List.of(finance), finance, List.of(staff), staff, List.of()),
                Map.of(staff, "Staff", finance, "Finance", interns, "Interns"),
                List.of(new SharedFolder(UUID.randomUUID(), SiteId.random(), "Finance", path("/finance"))),
                acl,
                entries,
                quotas,
                Map.of(jane, 900L)));
    }

    private AccessEntry entry(String path, Grantee grantee, Right right) {
        AccessEntry entry = new AccessEntry(UUID.randomUUID(), path(path), grantee, right);
        entries.add(entry);
        return entry;
    }

    @Test
    void aDenyThroughANestedGroupBeatsADirectReadWrite() {
        entry("/finance", new Grantee.User(jane), Right.READ_WRITE);
        AccessEntry deny = entry("/finance", new Grantee.Group(staff), Right.DENY);

        Decision decision = index().decide(jane, Action.READ, path("/finance/q1"), 0);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.right()).isEqualTo(Right.DENY);
        assertThat(decision.reason()).contains(deny.id().toString(), "group 'Staff' (via Interns → Finance → Staff)");
    }

    @Test
    void theHighestAllowWinsAndReadOnlyRefusesWrites() {
        entry("/finance", new Grantee.Group(finance), Right.READ_ONLY);
        entry("/finance", new Grantee.Everyone(), Right.READ_ONLY);
        entry("/finance", new Grantee.User(bob), Right.READ_WRITE);

        assertThat(index().decide(jane, Action.LIST, path("/finance"), 0).allowed())
                .isTrue();
        Decision write = index().decide(jane, Action.WRITE, path("/finance"), 1);
        assertThat(write.allowed()).isFalse();
        assertThat(write.reason()).startsWith("write needs Read-write");
        assertThat(index().decide(bob, Action.DELETE, path("/finance/x"), 0).right())
                .isEqualTo(Right.READ_WRITE);
    }

    @Test
    void aSubfolderWithEntriesReplacesTheInheritedOnesUnlessMarkedToInherit() {
        entry("/finance", new Grantee.Group(staff), Right.READ_WRITE);
        entry("/finance/payroll", new Grantee.User(bob), Right.READ_ONLY);

        assertThat(index().decide(jane, Action.READ, path("/finance/payroll/2026"), 0)
                        .right())
                .isEqualTo(Right.NONE);

        acl.add(new AclFolder(path("/finance/payroll"), true));
        Explanation explanation = index().explain(jane, path("/finance/payroll/2026"));
        assertThat(explanation.right()).isEqualTo(Right.READ_WRITE);
        assertThat(explanation.entries())
                .extracting(Explanation.AppliedEntry::inherited)
                .containsExactly(false, true);
        assertThat(explanation.entries().get(1).definedOn()).isEqualTo(path("/finance"));
        assertThat(explanation.entries().get(1).via()).containsExactly("Interns", "Finance", "Staff");
    }

    @Test
    void disabledUsersAndPathsOutsideSharedFoldersAreDenied() {
        entry("/finance", new Grantee.Everyone(), Right.READ_WRITE);
        enabled = Set.of(bob);

        assertThat(index().decide(jane, Action.READ, path("/finance"), 0).reason())
                .isEqualTo("the user is unknown, disabled or deprovisioned");
        assertThat(index().decide(bob, Action.READ, path("/hr"), 0).reason())
                .isEqualTo("'/hr' is not inside a shared folder");
    }

    @Test
    void anIndividualQuotaOverridesGroupQuotasOtherwiseTheHighestGroupQuotaApplies() {
        entry("/finance", new Grantee.Everyone(), Right.READ_WRITE);
        quotas.add(new Quota(new Grantee.Group(staff), new QuotaBytes(2000)));
        quotas.add(new Quota(new Grantee.Group(interns), new QuotaBytes(1000)));

        assertThat(index().decide(jane, Action.WRITE, path("/finance"), 1100).allowed())
                .isTrue();
        Decision over = index().decide(jane, Action.WRITE, path("/finance"), 1101);
        assertThat(over.allowed()).isFalse();
        assertThat(over.reason()).contains("quota of 2000 bytes (quota of group 'Staff'); 900 bytes are in use");

        quotas.add(new Quota(new Grantee.User(jane), new QuotaBytes(950)));
        assertThat(index().decide(jane, Action.WRITE, path("/finance"), 51).allowed())
                .isFalse();
        assertThat(index().decide(jane, Action.WRITE, path("/finance"), 50).allowed())
                .isTrue();
        assertThat(index().explain(jane, path("/finance")).quotaSource()).isEqualTo("the user's own quota");
    }

    private static FolderPath path(String text) {
        return FolderPath.parse("path", text);
    }
}
