package dev.gatehouse.identity.application;

import dev.gatehouse.identity.credential.IssuedSecrets;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Credential;
import dev.gatehouse.identity.domain.CredentialKind;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.CredentialRepository;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One lifecycle for every secret Gatehouse hands out ({@link CredentialKind}): issue (the secret is returned once),
 * authenticate, extend, reset (the old secret dies at once), revoke, and alerts before expiry. Call inside a
 * transaction, except {@link #raiseAlerts()}, which runs its own.
 *
 * <p><b>Rules.</b> A credential that is revoked or past its expiry authenticates nothing; a credential that acts as a
 * user authenticates only while that user is enabled. Expiry is at most {@value #MAX_LIFETIME_DAYS} days ahead.
 * Alerts (an audit event and a log line, never the secret) are raised once at each of {@link #ALERT_DAYS} days before
 * expiry.
 */
public class Credentials {
    static final int MAX_LIFETIME_DAYS = 3 * 366;
    static final int MAX_PER_USER = 20;
    static final int MAX_PER_SITE = 200;

    /** Days before expiry at which an alert is raised, largest first. */
    public static final List<Integer> ALERT_DAYS = List.of(30, 7, 1);

    /** A credential's last use is written at most this often, so that every request does not write. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(Credentials.class.getName());

    private final CredentialRepository credentials;
    private final UserRepository users;
    private final IssuedSecrets secrets;
    private final Audit audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public Credentials(
            CredentialRepository credentials,
            UserRepository users,
            IssuedSecrets secrets,
            dev.gatehouse.identity.port.AuditLog auditLog,
            UnitOfWork unitOfWork,
            Clock clock) {
        this.credentials = credentials;
        this.users = users;
        this.secrets = secrets;
        this.audit = new Audit(auditLog, clock);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** A credential and its secret, which is shown this once and never again. */
    public record Issued(Credential credential, Secret secret) {}

    /**
     * Issues a credential.
     *
     * @param user the user it acts as ({@code null} for a SCIM token)
     * @param expiresAt {@code null}: the kind's default lifetime
     */
    public Issued issue(SiteId site, CredentialKind kind, UserId user, String name, Instant expiresAt, Actor actor) {
        Instant now = clock.instant();
        Checks checks = new Checks();
        checks.required("name", name, 100);
        Instant expiry = expiresAt == null ? now.plus(kind.defaultLifetime()) : expiresAt;
        checkExpiry(checks, expiry, now);
        checks.throwIfAny();
        if (kind == CredentialKind.SCIM_TOKEN && user != null) {
            throw new IllegalArgumentException("a SCIM token acts for the site, not a user");
        }
        if (kind != CredentialKind.SCIM_TOKEN) {
            User owner = users.find(user)
                    .filter(u -> u.site().equals(site))
                    .orElseThrow(() -> new NotFoundException("user", user));
            if (!owner.isEnabled()) {
                throw ValidationException.of("user", "the user is disabled; enable them first");
            }
            if (kind == CredentialKind.API_TOKEN && !owner.administrator()) {
                throw ValidationException.of("user", "only administrators can have API tokens");
            }
            long held = credentials.listOf(user).stream()
                    .filter(c -> c.kind() == kind && c.usable(now))
                    .count();
            if (held >= MAX_PER_USER) {
                throw ValidationException.of(
                        "name", "the user already has " + held + " " + kind.code() + "s; revoke unused ones first");
            }
        } else if (credentials.list(site).stream().filter(c -> c.usable(now)).count() >= MAX_PER_SITE) {
            throw ValidationException.of("name", "the site has " + MAX_PER_SITE + " credentials; revoke unused ones");
        }
        UUID id = UUID.randomUUID();
        IssuedSecrets.Generated generated = secrets.generate(kind, id);
        Credential credential =
                new Credential(id, site, kind, user, name.strip(), generated.hash(), now, expiry, null, null, null);
        credentials.save(credential);
        audit.success(
                site,
                actor,
                AuditType.CREDENTIAL_ISSUED,
                target(credential),
                kind.code() + " '" + name.strip() + "', expires " + expiry);
        return new Issued(credential, new Secret(generated.secret()));
    }

    /**
     * The usable credential of {@code kind} that {@code presented} proves, and its last use noted; empty for anything
     * else (malformed, unknown, wrong secret, revoked, expired, or acting as a user who is no longer enabled).
     */
    public Optional<Credential> authenticate(CredentialKind kind, Optional<IssuedSecrets.Presented> presented) {
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Optional<Credential> found = credentials.find(presented.get().id());
        Instant now = clock.instant();
        if (found.isEmpty()
                || found.get().kind() != kind
                || !IssuedSecrets.matches(presented.get(), found.get().secretHash())
                || !found.get().usable(now)) {
            return Optional.empty();
        }
        Credential credential = found.get();
        if (credential.user() != null
                && users.find(credential.user()).filter(User::isEnabled).isEmpty()) {
            return Optional.empty();
        }
        if (credential.lastUsedAt() == null
                || credential.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            credential = credential.usedAt(now);
            credentials.save(credential);
        }
        return Optional.of(credential);
    }

    public Credential get(SiteId site, UUID id) {
        return credentials
                .find(id)
                .filter(c -> c.site().equals(site))
                .orElseThrow(() -> new NotFoundException("credential", id));
    }

    /** Every credential of the site, revoked ones too, by expiry (soonest first, never-expiring last). */
    public List<Credential> list(SiteId site) {
        List<Credential> all = new ArrayList<>(credentials.list(site));
        all.sort(Comparator.comparing(Credential::expiresAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    public List<Credential> listOf(UserId user) {
        return credentials.listOf(user);
    }

    /** Moves the expiry of a credential that is not revoked (an expired one may be extended too). */
    public Credential extend(SiteId site, UUID id, Instant expiresAt, Actor actor) {
        Credential credential = get(site, id);
        if (credential.revokedAt() != null) {
            throw ValidationException.of("id", "the credential is revoked; issue a new one");
        }
        Checks checks = new Checks();
        if (expiresAt == null) {
            checks.fail("expiresAt", "required: the new expiry, an ISO-8601 instant");
        } else {
            checkExpiry(checks, expiresAt, clock.instant());
        }
        checks.throwIfAny();
        Credential extended = credential.withExpiry(expiresAt);
        credentials.save(extended);
        audit.success(
                site,
                actor,
                AuditType.CREDENTIAL_EXTENDED,
                target(credential),
                "expiry " + credential.expiresAt() + " -> " + expiresAt);
        return extended;
    }

    /** A new secret for the credential: the old one stops working at once. The expiry stays. */
    public Issued reset(SiteId site, UUID id, Actor actor) {
        Credential credential = get(site, id);
        if (credential.revokedAt() != null) {
            throw ValidationException.of("id", "the credential is revoked; issue a new one");
        }
        IssuedSecrets.Generated generated = secrets.generate(credential.kind(), credential.id());
        Credential reset = credential.withSecretHash(generated.hash());
        credentials.save(reset);
        audit.success(site, actor, AuditType.CREDENTIAL_RESET, target(credential), "new secret issued");
        return new Issued(reset, new Secret(generated.secret()));
    }

    public Credential revoke(SiteId site, UUID id, Actor actor) {
        Credential credential = get(site, id);
        if (credential.revokedAt() != null) {
            return credential;
        }
        Credential revoked = credential.revoked(clock.instant());
        credentials.save(revoked);
        audit.success(
                site,
                actor,
                AuditType.CREDENTIAL_REVOKED,
                target(credential),
                credential.kind().code());
        return revoked;
    }

    /**
     * Revokes every credential that acts as {@code user}: called when the user is disabled, deprovisioned, deleted or
     * moved to another authentication method.
     *
     * @return how many were revoked
     */
    public int revokeAllOf(SiteId site, UserId user, Actor actor, String why) {
        Instant now = clock.instant();
        int revoked = 0;
        for (Credential credential : credentials.listOf(user)) {
            if (credential.revokedAt() == null) {
                credentials.save(credential.revoked(now));
                revoked++;
            }
        }
        if (revoked > 0) {
            audit.success(
                    site, actor, AuditType.CREDENTIAL_REVOKED, "user:" + user, revoked + " credential(s): " + why);
        }
        return revoked;
    }

    /**
     * Raises the alerts that are due: once per credential at 30, 7 and 1 days before its expiry (and once when it has
     * expired), as an audit event and a log line. Runs its own transaction.
     *
     * @return the alerts raised
     */
    public int raiseAlerts() {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            int raised = 0;
            for (Credential credential : credentials.expiringBefore(now.plus(Duration.ofDays(ALERT_DAYS.get(0))))) {
                long daysLeft = Math.max(
                        0, Duration.between(now, credential.expiresAt()).toDays());
                int due = now.isBefore(credential.expiresAt()) ? dueThreshold(daysLeft) : 0;
                if (credential.alertedDays() != null && credential.alertedDays() <= due) {
                    continue;
                }
                credentials.save(credential.alertedAt(due));
                String what = credential.kind().code() + " '" + credential.name() + "' "
                        + (now.isBefore(credential.expiresAt())
                                ? "expires in " + daysLeft + " day(s), on " + credential.expiresAt()
                                : "expired on " + credential.expiresAt())
                        + ": " + credential.kind().whenExpired() + "; "
                        + credential.kind().howToRenew();
                audit.failure(credential.site(), Actor.SYSTEM, AuditType.CREDENTIAL_EXPIRING, target(credential), what);
                LOG.warning("Credential " + credential.id() + " of site " + credential.site() + ": " + what);
                raised++;
            }
            return raised;
        });
    }

    /** The smallest alert threshold at or above {@code daysLeft} (0 once expired, which the caller decides). */
    static int dueThreshold(long daysLeft) {
        int due = ALERT_DAYS.get(0);
        for (int days : ALERT_DAYS) {
            if (daysLeft <= days) {
                due = days;
            }
        }
        return due;
    }

    private static void checkExpiry(Checks checks, Instant expiry, Instant now) {
        if (!expiry.isAfter(now)) {
            checks.fail("expiresAt", expiry + " is not in the future; give a date ahead of today");
        } else if (expiry.isAfter(now.plus(Duration.ofDays(MAX_LIFETIME_DAYS)))) {
            checks.fail("expiresAt", "at most " + MAX_LIFETIME_DAYS + " days ahead; renew before it expires instead");
        }
    }

    private static String target(Credential credential) {
        return "credential:" + credential.id();
    }
}
