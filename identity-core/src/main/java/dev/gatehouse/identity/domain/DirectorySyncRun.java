package dev.gatehouse.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a site's directory sync, as its log shows it.
 *
 * @param controller the domain controller that answered, null when none did
 * @param detail what went wrong, entry by entry, and for a dry run what the run would change; at most
 *     {@link #MAX_DETAIL_LINES} lines
 */
public record DirectorySyncRun(
        UUID id,
        SiteId site,
        Instant startedAt,
        Instant finishedAt,
        Mode mode,
        boolean dryRun,
        Trigger trigger,
        String node,
        String controller,
        Outcome outcome,
        Counts counts,
        int errors,
        List<String> detail) {

    public static final int MAX_DETAIL_LINES = 500;

    /** A full read of the search base, or only what changed since the controller's cursor. */
    public enum Mode {
        FULL,
        INCREMENTAL
    }

    public enum Trigger {
        SCHEDULE,
        ADMINISTRATOR
    }

    public enum Outcome {
        /** Every entry was applied (or, in a dry run, previewed). */
        SUCCEEDED,
        /** The run finished, but some entries were refused: {@link #detail()} says which and why. */
        PARTIAL,
        /** Nothing was applied: no controller answered, the service account was refused, or the database failed. */
        FAILED
    }

    /** What the run changed (or, in a dry run, would change). */
    public record Counts(
            int usersCreated,
            int usersUpdated,
            int usersDisabled,
            int usersEnabled,
            int groupsCreated,
            int groupsUpdated,
            int groupsDeleted,
            int membershipsChanged) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

        public boolean any() {
            return !equals(NONE);
        }
    }

    public DirectorySyncRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(counts, "counts");
        detail = List.copyOf(detail);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
