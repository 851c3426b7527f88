package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.SiteId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One run of a site's directory sync. */
@Entity
@Table(name = "directory_sync_runs")
final class DirectorySyncRunEntity {
    /** The detail column's size; lines beyond it are cut. */
    private static final int DETAIL = 60_000;

    @Id
    UUID id;

    @Column(name = "site_id", nullable = false)
    UUID siteId;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    Instant finishedAt;

    @Column(nullable = false, length = 12)
    String mode;

    @Column(name = "dry_run", nullable = false)
    boolean dryRun;

    @Column(name = "run_trigger", nullable = false, length = 16)
    String trigger;

    @Column(nullable = false, length = 200)
    String node;

    @Column(length = 300)
    String controller;

    @Column(nullable = false, length = 12)
    String outcome;

    @Column(name = "users_created", nullable = false)
    int usersCreated;

    @Column(name = "users_updated", nullable = false)
    int usersUpdated;

    @Column(name = "users_disabled", nullable = false)
    int usersDisabled;

    @Column(name = "users_enabled", nullable = false)
    int usersEnabled;

    @Column(name = "groups_created", nullable = false)
    int groupsCreated;

    @Column(name = "groups_updated", nullable = false)
    int groupsUpdated;

    @Column(name = "groups_deleted", nullable = false)
    int groupsDeleted;

    @Column(name = "memberships_changed", nullable = false)
    int membershipsChanged;

    @Column(nullable = false)
    int errors;

    @Column(nullable = false, length = DETAIL)
    String detail;

    protected DirectorySyncRunEntity() {}

    DirectorySyncRunEntity(DirectorySyncRun run) {
        id = run.id();
        siteId = run.site().value();
        startedAt = run.startedAt();
        finishedAt = run.finishedAt();
        mode = run.mode().name();
        dryRun = run.dryRun();
        trigger = run.trigger().name();
        node = run.node().length() > 200 ? run.node().substring(0, 200) : run.node();
        controller = run.controller();
        outcome = run.outcome().name();
        DirectorySyncRun.Counts counts = run.counts();
        usersCreated = counts.usersCreated();
        usersUpdated = counts.usersUpdated();
        usersDisabled = counts.usersDisabled();
        usersEnabled = counts.usersEnabled();
        groupsCreated = counts.groupsCreated();
        groupsUpdated = counts.groupsUpdated();
        groupsDeleted = counts.groupsDeleted();
        membershipsChanged = counts.membershipsChanged();
        errors = run.errors();
        String text = String.join("\n", run.detail());
        detail = text.length() > DETAIL ? text.substring(0, text.lastIndexOf('\n', DETAIL - 1) + 1) + "…" : text;
    }

    DirectorySyncRun toDomain() {
        return new DirectorySyncRun(
                id,
                new SiteId(siteId),
                startedAt,
                finishedAt,
                DirectorySyncRun.Mode.valueOf(mode),
                dryRun,
                DirectorySyncRun.Trigger.valueOf(trigger),
                node,
                controller,
                DirectorySyncRun.Outcome.valueOf(outcome),
                new DirectorySyncRun.Counts(
                        usersCreated,
                        usersUpdated,
                        usersDisabled,
                        usersEnabled,
                        groupsCreated,
                        groupsUpdated,
                        groupsDeleted,
                        membershipsChanged),
                errors,
                detail.isEmpty() ? List.of() : Arrays.asList(detail.split("\n")));
    }
}
