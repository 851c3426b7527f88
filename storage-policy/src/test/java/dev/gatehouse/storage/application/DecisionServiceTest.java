package dev.gatehouse.storage.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.engine.PolicySnapshot;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Right;
import dev.gatehouse.storage.model.SharedFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionServiceTest {
    private final SiteId site = SiteId.random();
    private final UserId jane = UserId.random();
    private final FolderPath folder = FolderPath.parse("path", "/share");
    private final List<AccessEntry> entries = new ArrayList<>();
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private Runnable duringBuild = () -> {};
    private final DecisionService decisions = new DecisionService(
            s -> {
                builds.incrementAndGet();
                PolicySnapshot snapshot = new PolicySnapshot(
                        site,
                        Set.of(jane),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        List.of(new SharedFolder(UUID.randomUUID(), site, "share", folder)),
                        List.of(),
                        List.copyOf(entries),
                        List.of(),
                        Map.of());
                duringBuild.run();
                return snapshot;
            },
            databaseUp::get);

    @Test
    void buildsOnceAndServesFromMemoryUntilInvalidated() {
        assertThat(decisions.decide(site, jane, Action.READ, folder, 0).allowed())
                .isFalse();
        assertThat(decisions.decide(site, jane, Action.READ, folder, 0).allowed())
                .isFalse();
        assertThat(builds).hasValue(1);

        entries.add(new AccessEntry(UUID.randomUUID(), folder, new Grantee.User(jane), Right.READ_ONLY));
        decisions.invalidate(site);

        assertThat(decisions.decide(site, jane, Action.READ, folder, 0).allowed())
                .isTrue();
        assertThat(builds).hasValue(2);
    }

    @Test
    void neverInstallsAnIndexWhoseBuildOverlappedAChange() {
        duringBuild = () -> {
            if (builds.get() == 1) {
                entries.add(new AccessEntry(UUID.randomUUID(), folder, new Grantee.User(jane), Right.READ_ONLY));
                decisions.invalidate(site);
            }
        };

        assertThat(decisions.decide(site, jane, Action.READ, folder, 0).allowed())
                .isTrue();
        assertThat(builds).hasValue(2);
    }

    @Test
    void refusesToDecideWhileTheDatabaseIsDownEvenWithAWarmIndex() {
        decisions.decide(site, jane, Action.READ, folder, 0);
        databaseUp.set(false);

        assertThatThrownBy(() -> decisions.decide(site, jane, Action.READ, folder, 0))
                .isInstanceOf(PolicyUnavailableException.class)
                .hasMessageStartingWith("the database is unavailable");
    }

    @Test
    void aFailingBuildIsUnavailableNotAnAllow() {
        duringBuild = () -> {
            throw new IllegalStateException("connection refused");
        };

        assertThatThrownBy(() -> decisions.decide(site, jane, Action.READ, folder, 0))
                .isInstanceOf(PolicyUnavailableException.class);
    }
}
