package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A long-running directory task (joining the domain, leaving it), with each step's progress as the console shows it.
 *
 * @param finishedAt null while it runs
 */
public record DirectoryJob(
        UUID id,
        SiteId site,
        Kind kind,
        State state,
        List<Step> steps,
        Actor actor,
        Instant startedAt,
        Instant finishedAt) {

    public enum Kind {
        JOIN,
        LEAVE
    }

    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** @param detail what the step found or did, or the directory's own error */
    public record Step(String name, State state, String detail, Instant at) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            detail = detail == null ? "" : detail;
            Objects.requireNonNull(at, "at");
        }
    }

    public DirectoryJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        steps = List.copyOf(steps);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
