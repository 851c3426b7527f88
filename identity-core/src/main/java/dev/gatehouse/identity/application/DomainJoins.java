package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectoryJob;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DomainMembership;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.DirectoryDiagnostics;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.port.DomainJoiner;
import dev.gatehouse.identity.port.DomainMembershipRepository;
import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Joining a site's domain and leaving it, as jobs: one at a time per site across every node (a lease), run in the
 * background, each step's progress saved as it happens so the API and the console can show it. A join that fails leaves
 * nothing behind (the {@link DomainJoiner} removes what it created); the membership, with its keytab, is saved only when
 * every step passed. A health check of the membership (the account present, the keytab accepted) runs on demand and
 * on a schedule, and a failure is an audit event.
 */
public class DomainJoins {
    /** Longest a join or leave may hold its site's lease before another node may start one (a node that died). */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** The preflight's lines that belong to a membership's health: the certificates' expiry and the clock. */
    static final java.util.Set<String> HEALTH_FROM_PREFLIGHT = java.util.Set.of("certificate expiry", "clock");

    private final DirectoryRepository directories;
    private final DomainMembershipRepository memberships;
    private final DomainJoiner joiner;
    private final DirectoryDiagnostics diagnostics;
    private final Leases leases;
    private final UnitOfWork work;
    private final AuditLog auditLog;
    private final Executor executor;
    private final String node;
    private final Clock clock;

    public DomainJoins(
            DirectoryRepository directories,
            DomainMembershipRepository memberships,
            DomainJoiner joiner,
            DirectoryDiagnostics diagnostics,
            Leases leases,
            UnitOfWork work,
            AuditLog auditLog,
            Executor executor,
            String node,
            Clock clock) {
        this.directories = directories;
        this.memberships = memberships;
        this.joiner = joiner;
        this.diagnostics = diagnostics;
        this.leases = leases;
        this.work = work;
        this.auditLog = auditLog;
        this.executor = executor;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Starts joining the site's domain as its {@code machineName}, in {@code computerOu}, as its service account.
     *
     * @throws ValidationException naming {@code machineName} or {@code serviceAccount} when they are missing
     * @throws ConflictException when the site is a member already, or a job of the site runs
     */
    public DirectoryJob join(SiteId site, Actor actor) {
        DirectorySettings settings = settings(site);
        if (settings.machineName() == null) {
            throw ValidationException.of(
                    "machineName",
                    "set the computer name Gatehouse joins as (NetBIOS: at most 15 characters, such as GATEHOUSE01)"
                            + " in the site's directory settings");
        }
        if (settings.service().isEmpty()) {
            throw ValidationException.of(
                    "serviceAccount",
                    "set the account that joins (Entra Domain Services: a member of AAD DC Administrators) and its"
                            + " password in the site's directory settings");
        }
        work.inTransaction(() -> memberships.membership(site)).ifPresent(member -> {
            throw new ConflictException(
                    null,
                    "the site is a member of " + settings.domain() + " as " + member.machineName()
                            + " already; leave first");
        });
        return start(site, DirectoryJob.Kind.JOIN, actor, settings, null);
    }

    /**
     * Starts leaving the domain: the computer account is removed, then the membership and its keytab.
     *
     * @throws NotFoundException when the site is no member
     */
    public DirectoryJob leave(SiteId site, Actor actor) {
        DirectorySettings settings = settings(site);
        DomainMembership membership = work.inTransaction(() -> memberships.membership(site))
                .orElseThrow(() -> new NotFoundException("domain membership of site", site.toString()));
        return start(site, DirectoryJob.Kind.LEAVE, actor, settings, membership);
    }

    public Optional<DirectoryJob> job(SiteId site, UUID id) {
        return work.inTransaction(() -> memberships.job(site, id));
    }

    public List<DirectoryJob> jobs(SiteId site, int limit) {
        return work.inTransaction(() -> memberships.jobs(site, limit));
    }

    public Optional<DomainMembership> membership(SiteId site) {
        return work.inTransaction(() -> memberships.membership(site));
    }

    /**
     * The membership's keytab, for a storage server that accepts Kerberos as this computer; every read is audited.
     *
     * @throws NotFoundException when the site is no member
     */
    public byte[] keytab(SiteId site, Actor actor) {
        return work.inTransaction(() -> {
            DomainMembership membership = memberships
                    .membership(site)
                    .orElseThrow(() -> new NotFoundException("domain membership of site", site.toString()));
            auditLog.append(AuditEvent.of(
                    clock.instant(),
                    site,
                    actor,
                    AuditType.DIRECTORY_KEYTAB_READ,
                    "directory",
                    true,
                    "keytab of " + membership.machineName() + " (key version " + membership.keyVersion() + ")"));
            return membership.keytab().bytes();
        });
    }

    /** Checks the membership now; a failed line is an audit event. Empty when the site is no member. */
    public List<DiagnosticCheck> checkHealth(SiteId site) {
        Optional<DomainMembership> membership = membership(site);
        if (membership.isEmpty()) {
            return List.of();
        }
        DirectorySettings settings = settings(site);
        List<DiagnosticCheck> checks = new ArrayList<>(joiner.health(settings, membership.get()));
        diagnostics.preflight(settings).stream()
                .filter(check -> HEALTH_FROM_PREFLIGHT.contains(check.name()))
                .forEach(checks::add);
        List<DiagnosticCheck> failed =
                checks.stream().filter(check -> !check.passed()).toList();
        if (!failed.isEmpty()) {
            work.run(() -> auditLog.append(AuditEvent.of(
                    clock.instant(),
                    site,
                    Actor.SYSTEM,
                    AuditType.DIRECTORY_HEALTH_FAILED,
                    "directory",
                    false,
                    failed.stream()
                            .map(check -> check.name() + ": " + check.detail() + " (" + check.fix() + ")")
                            .collect(Collectors.joining("; ")))));
        }
        return checks;
    }

    /** The newest failed health check of the site within the last two hours (the schedule checks hourly). */
    public Optional<AuditEvent> recentHealthProblem(SiteId site) {
        java.time.Instant now = clock.instant();
        return work.inTransaction(() -> auditLog
                .query(new dev.gatehouse.identity.domain.AuditQuery(
                        site,
                        now.minus(Duration.ofHours(2)),
                        now,
                        null,
                        AuditType.DIRECTORY_HEALTH_FAILED,
                        new dev.gatehouse.identity.domain.PageRequest(0, 1)))
                .items()
                .stream()
                .findFirst());
    }

    /** The scheduled health check of every membership. */
    public void checkAll() {
        for (DomainMembership membership : work.inTransaction(memberships::memberships)) {
            checkHealth(membership.site());
        }
    }

    private DirectorySettings settings(SiteId site) {
        return work.inTransaction(() -> directories.find(site))
                .orElseThrow(() -> new NotFoundException("directory of site", site.toString()));
    }

    private DirectoryJob start(
            SiteId site, DirectoryJob.Kind kind, Actor actor, DirectorySettings settings, DomainMembership membership) {
        UUID id = UUID.randomUUID();
        String lease = "domain-join:" + site;
        String holder = node + "/" + id;
        boolean acquired;
        try {
            acquired = leases.acquire(lease, holder, LEASE, clock.instant());
        } catch (ConflictException e) {
            acquired = false;
        }
        if (!acquired) {
            throw new ConflictException(null, "a join or leave of this site is running; wait for it to finish");
        }
        Job job = new Job(id, site, kind, actor);
        try {
            job.save();
            executor.execute(() -> {
                try {
                    job.run(settings, membership);
                } finally {
                    leases.release(lease, holder);
                }
            });
        } catch (RuntimeException e) {
            leases.release(lease, holder);
            throw e;
        }
        return job.snapshot();
    }

    /** A running job: its steps as the joiner reports them, saved after each. */
    private final class Job implements DomainJoiner.Progress {
        private final UUID id;
        private final SiteId site;
        private final DirectoryJob.Kind kind;
        private final Actor actor;
        private final java.time.Instant startedAt;
        private final List<DirectoryJob.Step> steps = new ArrayList<>();
        private DirectoryJob.State state = DirectoryJob.State.RUNNING;
        private java.time.Instant finishedAt;

        Job(UUID id, SiteId site, DirectoryJob.Kind kind, Actor actor) {
            this.id = id;
            this.site = site;
            this.kind = kind;
            this.actor = actor;
            this.startedAt = clock.instant();
        }

        synchronized DirectoryJob snapshot() {
            return new DirectoryJob(id, site, kind, state, steps, actor, startedAt, finishedAt);
        }

        void save() {
            DirectoryJob snapshot = snapshot();
            work.run(() -> memberships.save(snapshot));
        }

        void run(DirectorySettings settings, DomainMembership membership) {
            try {
                if (kind == DirectoryJob.Kind.JOIN) {
                    DomainMembership joined = joiner.join(settings, this);
                    work.run(() -> {
                        memberships.save(joined);
                        audit(
                                AuditType.DIRECTORY_JOINED,
                                true,
                                "joined " + settings.domain() + " as " + joined.machineName() + " ("
                                        + joined.computerDn() + ")");
                    });
                } else {
                    joiner.leave(settings, membership, this);
                    work.run(() -> {
                        memberships.delete(site);
                        audit(
                                AuditType.DIRECTORY_LEFT,
                                true,
                                "left " + settings.domain() + ": " + membership.computerDn() + " removed");
                    });
                }
                finish(DirectoryJob.State.SUCCEEDED);
            } catch (RuntimeException e) {
                if (!(e instanceof DomainJoiner.JoinFailedException)) {
                    failed("error", e.toString());
                }
                finish(DirectoryJob.State.FAILED);
                work.run(() -> audit(
                        kind == DirectoryJob.Kind.JOIN ? AuditType.DIRECTORY_JOINED : AuditType.DIRECTORY_LEFT,
                        false,
                        kind.name().toLowerCase(java.util.Locale.ROOT) + " failed: " + e.getMessage()));
            }
        }

        private void audit(AuditType type, boolean success, String detail) {
            auditLog.append(AuditEvent.of(clock.instant(), site, actor, type, "directory", success, detail));
        }

        private void finish(DirectoryJob.State end) {
            synchronized (this) {
                state = end;
                finishedAt = clock.instant();
            }
            save();
        }

        private void step(String name, DirectoryJob.State stepState, String detail) {
            synchronized (this) {
                steps.add(new DirectoryJob.Step(name, stepState, detail, clock.instant()));
            }
            save();
        }

        @Override
        public void started(String step, String detail) {
            step(step, DirectoryJob.State.RUNNING, detail);
        }

        @Override
        public void done(String step, String detail) {
            replaceRunning(step, DirectoryJob.State.SUCCEEDED, detail);
        }

        @Override
        public void failed(String step, String detail) {
            replaceRunning(step, DirectoryJob.State.FAILED, detail);
        }

        @Override
        public void undone(String step, String detail) {
            step("undo: " + step, DirectoryJob.State.SUCCEEDED, detail);
        }

        /** The step's running line becomes its outcome (or, when it never started, the outcome is added). */
        private void replaceRunning(String step, DirectoryJob.State outcome, String detail) {
            synchronized (this) {
                for (int i = steps.size() - 1; i >= 0; i--) {
                    DirectoryJob.Step line = steps.get(i);
                    if (line.name().equals(step) && line.state() == DirectoryJob.State.RUNNING) {
                        steps.set(i, new DirectoryJob.Step(step, outcome, detail, clock.instant()));
                        break;
                    }
                    if (i == 0) {
                        steps.add(new DirectoryJob.Step(step, outcome, detail, clock.instant()));
                    }
                }
                if (steps.isEmpty()) {
                    steps.add(new DirectoryJob.Step(step, outcome, detail, clock.instant()));
                }
            }
            save();
        }
    }
}
