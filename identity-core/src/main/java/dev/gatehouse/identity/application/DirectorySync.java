package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.AuthMethod;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.DirectorySyncRun.Mode;
import dev.gatehouse.identity.domain.DirectorySyncRun.Outcome;
import dev.gatehouse.identity.domain.DirectorySyncRun.Trigger;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.domain.UserState;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.DirectoryEntries;
import dev.gatehouse.identity.port.DirectoryRepository;
import dev.gatehouse.identity.port.DirectorySyncRepository;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityChangeListener;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.identity.port.UnitOfWork;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory sync: a site's users and groups follow its Active Directory (or Entra Domain Services).
 *
 * <p><b>What it writes.</b> Users go through {@link IdentityUpsert}, linked by {@code objectGUID} (and, for Entra Domain
 * Services with the site's tenant set, by {@code msDS-aadObjectId} too, so a user who signed in by SAML or OIDC first is
 * the same user). A user disabled in the directory, deleted from it or moved out of the search base is disabled, never
 * deleted; the sync enables again only users it disabled itself, never one an administrator disabled. Groups are linked
 * by {@code objectGUID}, renamed with the directory, deleted with it, and their direct members (users and groups: the
 * storage policy follows nesting) become exactly the directory's.
 *
 * <p><b>Runs.</b> One at a time per site across every node sharing the database (a lease). A full run reads everything
 * under the search base; an incremental one only what changed on the answering controller since its cursor (a full read
 * when there is none). Users are applied in transactions of {@link #CHUNK}, groups after them. A dry run applies
 * everything in one transaction that is rolled back: its preview is exactly what the run would do. Each run is logged
 * with its counts and every refused entry.
 */
public class DirectorySync {
    /** Who the audit log names for what the sync did. */
    public static final Actor ACTOR = new Actor(null, "directory-sync");

    static final int CHUNK = 500;
    /** How long a run may hold its site's lease before another node may take over (a node that died mid-run). */
    static final Duration LEASE = Duration.ofHours(2);

    private final DirectoryRepository directories;
    private final DirectoryEntries entries;
    private final DirectorySyncRepository syncs;
    private final Leases leases;
    private final UnitOfWork work;
    private final IdentityUpsert upsert;
    private final UserRepository users;
    private final IdentityLinkRepository links;
    private final GroupRepository groups;
    private final GroupLinkRepository groupLinks;
    private final GroupReconciliation reconciliation;
    private final GroupService groupService;
    private final UserService userService;
    private final IdentityChangeListener changes;
    private final AuditLog auditLog;
    private final String node;
    private final Clock clock;

    public DirectorySync(
            DirectoryRepository directories,
            DirectoryEntries entries,
            DirectorySyncRepository syncs,
            Leases leases,
            UnitOfWork work,
            IdentityUpsert upsert,
            UserRepository users,
            IdentityLinkRepository links,
            GroupRepository groups,
            GroupLinkRepository groupLinks,
            GroupService groupService,
            UserService userService,
            IdentityChangeListener changes,
            AuditLog auditLog,
            String node,
            Clock clock) {
        this.directories = directories;
        this.entries = entries;
        this.syncs = syncs;
        this.leases = leases;
        this.work = work;
        this.upsert = upsert;
        this.users = users;
        this.links = links;
        this.groups = groups;
        this.groupLinks = groupLinks;
        this.reconciliation = new GroupReconciliation(groups, groupLinks, new Audit(auditLog, clock), clock);
        this.groupService = groupService;
        this.userService = userService;
        this.changes = changes;
        this.auditLog = auditLog;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Runs the site's sync now, on this thread.
     *
     * @throws NotFoundException when the site has no directory
     * @throws ValidationException when it has no service account
     * @throws ConflictException when a run of the site is in progress (on any node)
     */
    public DirectorySyncRun run(SiteId site, Mode mode, boolean dryRun, Trigger trigger) {
        DirectorySettings settings = work.inTransaction(() -> directories.find(site))
                .orElseThrow(() -> new NotFoundException("directory of site", site.toString()));
        if (settings.service().isEmpty()) {
            throw ValidationException.of(
                    "serviceAccount",
                    "the site's directory has no service account; set serviceAccount and servicePassword (an account"
                            + " that may read users and groups) in its directory settings to sync");
        }
        String lease = "directory-sync:" + site;
        String holder = node + "/" + UUID.randomUUID();
        Instant started = clock.instant();
        boolean acquired;
        try {
            acquired = leases.acquire(lease, holder, LEASE, started);
        } catch (ConflictException e) {
            acquired = false; // another holder took it at the same moment
        }
        if (!acquired) {
            throw new ConflictException(
                    null, "a sync of this site is running (on this node or another); wait for it to finish");
        }
        try {
            DirectorySyncRun run = runLeased(site, settings, mode, dryRun, trigger, started);
            work.run(() -> {
                syncs.saveRun(run);
                auditLog.append(AuditEvent.of(
                        clock.instant(),
                        site,
                        ACTOR,
                        AuditType.DIRECTORY_SYNCED,
                        "directory",
                        run.outcome() != Outcome.FAILED,
                        summary(run)));
            });
            return run;
        } finally {
            leases.release(lease, holder);
        }
    }

    /** The sites whose schedule is due: a service account, an interval, and no run started within it. */
    public List<SiteId> due() {
        Instant now = clock.instant();
        return work.inTransaction(() -> directories.all().stream()
                .filter(settings -> settings.service().isPresent() && settings.syncIntervalMinutes() > 0)
                .filter(settings -> syncs.lastRunStarted(settings.site())
                        .map(last -> !last.plus(Duration.ofMinutes(settings.syncIntervalMinutes()))
                                .isAfter(now))
                        .orElse(true))
                .map(DirectorySettings::site)
                .toList());
    }

    public List<DirectorySyncRun> runs(SiteId site, int limit) {
        return work.inTransaction(() -> syncs.runs(site, limit));
    }

    private DirectorySyncRun runLeased(
            SiteId site, DirectorySettings settings, Mode mode, boolean dryRun, Trigger trigger, Instant started) {
        Report report = new Report(dryRun);
        List<DirectoryEntries.Cursor> cursors =
                mode == Mode.FULL ? List.of() : work.inTransaction(() -> syncs.cursors(site));
        DirectoryEntries.Snapshot snapshot;
        try {
            snapshot = entries.read(settings, cursors);
        } catch (DirectoryEntries.DirectoryUnavailableException e) {
            report.error(e.getMessage());
            return report.finish(site, started, mode, trigger, null, Outcome.FAILED);
        }
        snapshot.ignored().forEach(report::error);
        Mode done = snapshot.full() ? Mode.FULL : Mode.INCREMENTAL;
        try {
            if (dryRun) {
                try {
                    work.run(() -> {
                        apply(site, settings, snapshot, report);
                        throw new Preview();
                    });
                } catch (Preview rolledBack) {
                    // everything the preview wrote is undone
                }
            } else {
                apply(site, settings, snapshot, report);
                work.run(() -> syncs.saveCursor(site, snapshot.cursor(), clock.instant()));
            }
        } catch (RuntimeException e) {
            report.error("the run stopped: " + e.getMessage());
            return report.finish(site, started, done, trigger, snapshot.controller(), Outcome.FAILED);
        } finally {
            if (!dryRun) {
                changes.identitiesChanged(site);
            }
        }
        return report.finish(
                site,
                started,
                done,
                trigger,
                snapshot.controller(),
                report.errors == 0 ? Outcome.SUCCEEDED : Outcome.PARTIAL);
    }

    private void apply(SiteId site, DirectorySettings settings, DirectoryEntries.Snapshot snapshot, Report report) {
        IdentitySource source = source(settings);
        List<DirectoryEntries.User> all = snapshot.users();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<DirectoryEntries.User> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            work.run(() -> applyUsers(site, settings, source, chunk, report));
        }
        work.run(() -> disableGone(site, snapshot, report));
        work.run(() -> applyGroups(site, snapshot, report));
    }

    private void applyUsers(
            SiteId site,
            DirectorySettings settings,
            IdentitySource source,
            List<DirectoryEntries.User> chunk,
            Report report) {
        List<ExternalIdentity> identities = new ArrayList<>();
        List<DirectoryEntries.User> accepted = new ArrayList<>();
        for (DirectoryEntries.User user : chunk) {
            Optional<String> login = user.login();
            if (login.isEmpty()) {
                report.error("user " + user.guid() + ": has neither userPrincipalName nor sAMAccountName; skipped");
                continue;
            }
            LinkKey key = new LinkKey.DirectoryObject(user.guid());
            entraKey(settings, user).ifPresent(entra -> takeOver(site, key, entra));
            String name = user.displayName() == null || user.displayName().isBlank() ? login.get() : user.displayName();
            // memberships come from the groups' member lists, so the user's own are left as they are
            identities.add(new ExternalIdentity(
                    key, login.get().toLowerCase(java.util.Locale.ROOT), name, user.mail(), List.of(), true));
            accepted.add(user);
        }
        List<IdentityOutcome> outcomes =
                upsert.upsertAll(site, source, IdentityUpsert.Purpose.PROVISIONING, identities);
        Set<UserId> disabledBySync = syncs.disabledBySync(site);
        for (int i = 0; i < outcomes.size(); i++) {
            DirectoryEntries.User entry = accepted.get(i);
            String who = identities.get(i).login();
            if (outcomes.get(i) instanceof IdentityOutcome.Refused refused) {
                report.error("user " + who + " (" + entry.guid() + "): refused, " + refused.reason());
                continue;
            }
            IdentityOutcome.Success success = (IdentityOutcome.Success) outcomes.get(i);
            User user = success.user();
            if (success.created()) {
                report.usersCreated++;
                report.preview("create user " + who);
            } else if (success.changed()) {
                report.usersUpdated++;
                report.preview("update user " + who);
            }
            entraKey(settings, entry).ifPresent(entra -> linkAlso(site, entra, user));
            if (!entry.enabled() && user.state() == UserState.ENABLED) {
                disable(site, user, "disabled in the directory", report);
            } else if (entry.enabled() && user.state() == UserState.DISABLED && disabledBySync.contains(user.id())) {
                userService.changeState(site, user, UserState.ENABLED, ACTOR, "enabled in the directory again");
                syncs.unmarkDisabledBySync(site, user.id());
                report.usersEnabled++;
                report.preview("enable user " + who);
            }
        }
    }

    /** Users deleted from the directory or moved out of the search base are disabled. */
    private void disableGone(SiteId site, DirectoryEntries.Snapshot snapshot, Report report) {
        Set<UUID> gone = new HashSet<>();
        if (snapshot.full()) {
            Set<UUID> present = new HashSet<>();
            snapshot.users().forEach(user -> present.add(user.guid()));
            for (IdentityLink link : links.links(site)) {
                if (link.key() instanceof LinkKey.DirectoryObject directory && !present.contains(directory.guid())) {
                    gone.add(directory.guid());
                }
            }
        } else {
            gone.addAll(snapshot.gone());
        }
        List<LinkKey> keys = gone.stream()
                .map(guid -> (LinkKey) new LinkKey.DirectoryObject(guid))
                .toList();
        Map<UserId, User> found = users.findAll(links.findAll(site, keys).values().stream()
                .map(IdentityLink::user)
                .toList());
        for (User user : found.values()) {
            if (user.state() == UserState.ENABLED) {
                disable(site, user, "gone from the directory (deleted, or moved out of the search base)", report);
            }
        }
    }

    private void disable(SiteId site, User user, String why, Report report) {
        userService.changeState(site, user, UserState.DISABLED, ACTOR, why);
        syncs.markDisabledBySync(site, user.id(), clock.instant());
        report.usersDisabled++;
        report.preview("disable user " + user.login() + ": " + why);
    }

    private void applyGroups(SiteId site, DirectoryEntries.Snapshot snapshot, Report report) {
        Map<GroupKey, GroupId> linked = new HashMap<>(groupLinks.findAll(
                site,
                snapshot.groups().stream()
                        .map(group -> (GroupKey) new GroupKey.DirectoryGroup(group.guid()))
                        .toList()));
        deleteGoneGroups(site, snapshot, report);
        GroupReconciliation.Batch batch = reconciliation.batch(site, List.of());
        Map<UUID, GroupId> resolved = new LinkedHashMap<>();
        for (DirectoryEntries.Group entry : snapshot.groups()) {
            GroupKey key = new GroupKey.DirectoryGroup(entry.guid());
            GroupId id = linked.get(key);
            if (id == null) {
                try {
                    id = reconciliation.resolve(site, ACTOR, new ExternalGroup(key, entry.name()), batch);
                } catch (ValidationException e) {
                    report.error("group " + entry.name() + " (" + entry.guid() + "): " + e.getMessage());
                    continue;
                }
                report.groupsCreated++;
                report.preview("create group " + entry.name());
            } else {
                rename(site, id, entry, report);
            }
            resolved.put(entry.guid(), id);
        }
        Map<UUID, PrincipalId> principals = principals(site, snapshot, resolved);
        // every group's members read at once, not one query per group
        Map<GroupId, Set<PrincipalId>> members = new HashMap<>();
        for (Membership membership : groups.memberships(site)) {
            members.computeIfAbsent(membership.group(), group -> new HashSet<>())
                    .add(membership.member());
        }
        for (DirectoryEntries.Group entry : snapshot.groups()) {
            GroupId id = resolved.get(entry.guid());
            if (id != null) {
                members(site, id, entry, principals, members.getOrDefault(id, Set.of()), report);
            }
        }
    }

    private void rename(SiteId site, GroupId id, DirectoryEntries.Group entry, Report report) {
        Group group = groups.find(id).orElseThrow();
        if (group.name().value().equals(entry.name())) {
            return;
        }
        try {
            groupService.update(site, id, entry.name(), null, ACTOR);
            report.groupsUpdated++;
            report.preview("rename group " + group.name() + " to " + entry.name());
        } catch (ConflictException | ValidationException e) {
            report.error("group " + group.name() + " (" + entry.guid() + "): not renamed to '" + entry.name() + "': "
                    + e.getMessage());
        }
    }

    /** Groups deleted from the directory (or moved out of the search base) are deleted, with their grants. */
    private void deleteGoneGroups(SiteId site, DirectoryEntries.Snapshot snapshot, Report report) {
        Set<GroupId> gone = new LinkedHashSet<>();
        if (snapshot.full()) {
            Set<GroupKey> present = new HashSet<>();
            snapshot.groups().forEach(group -> present.add(new GroupKey.DirectoryGroup(group.guid())));
            groupLinks.findKind(site, "directory").forEach((key, id) -> {
                if (!present.contains(key)) {
                    gone.add(id);
                }
            });
        } else {
            gone.addAll(groupLinks
                    .findAll(
                            site,
                            snapshot.gone().stream()
                                    .map(guid -> (GroupKey) new GroupKey.DirectoryGroup(guid))
                                    .toList())
                    .values());
        }
        for (GroupId id : gone) {
            Optional<Group> group = groups.find(id);
            if (group.isPresent()) {
                groupService.delete(site, id, ACTOR);
                report.groupsDeleted++;
                report.preview("delete group " + group.get().name() + ": gone from the directory");
            }
        }
    }

    /** The Gatehouse users and groups the snapshot's member GUIDs name, in a few queries. */
    private Map<UUID, PrincipalId> principals(
            SiteId site, DirectoryEntries.Snapshot snapshot, Map<UUID, GroupId> resolved) {
        Set<UUID> members = new HashSet<>();
        snapshot.groups().forEach(group -> members.addAll(group.members()));
        Map<UUID, PrincipalId> found = new HashMap<>();
        List<UUID> others = new ArrayList<>();
        for (UUID member : members) {
            GroupId group = resolved.get(member);
            if (group != null) {
                found.put(member, group);
            } else {
                others.add(member);
            }
        }
        links.findAll(
                        site,
                        others.stream()
                                .map(guid -> (LinkKey) new LinkKey.DirectoryObject(guid))
                                .toList())
                .forEach((key, link) -> found.put(((LinkKey.DirectoryObject) key).guid(), link.user()));
        groupLinks
                .findAll(
                        site,
                        others.stream()
                                .filter(guid -> !found.containsKey(guid))
                                .map(guid -> (GroupKey) new GroupKey.DirectoryGroup(guid))
                                .toList())
                .forEach((key, id) -> found.put(((GroupKey.DirectoryGroup) key).guid(), id));
        return found;
    }

    /**
     * The group's direct members become the directory's: members the site does not know (computers, foreign security
     * principals, objects outside the search base) are left out.
     */
    private void members(
            SiteId site,
            GroupId id,
            DirectoryEntries.Group entry,
            Map<UUID, PrincipalId> principals,
            Set<PrincipalId> current,
            Report report) {
        Set<PrincipalId> wanted = new LinkedHashSet<>();
        for (UUID member : entry.members()) {
            PrincipalId principal = principals.get(member);
            if (principal != null && !principal.equals(id)) {
                wanted.add(principal);
            }
        }
        int added = 0;
        int removed = 0;
        List<PrincipalId> newUsers = new ArrayList<>();
        for (PrincipalId member : wanted) {
            if (current.contains(member)) {
                continue;
            }
            if (member instanceof GroupId nested) {
                try {
                    groupService.addMember(site, id, nested, ACTOR); // refuses a cycle
                    added++;
                } catch (ConflictException e) {
                    report.error("group " + entry.name() + ": nested group " + nested + " left out: " + e.getMessage());
                }
            } else {
                newUsers.add(member);
            }
        }
        groups.addNewMembers(id, newUsers);
        added += newUsers.size();
        for (PrincipalId member : current) {
            if (!wanted.contains(member) && groups.removeMember(new Membership(id, member))) {
                removed++;
            }
        }
        if (added + removed > 0) {
            report.membershipsChanged += added + removed;
            report.preview("group " + entry.name() + ": members +" + added + " -" + removed);
            auditLog.append(AuditEvent.of(
                    clock.instant(),
                    site,
                    ACTOR,
                    AuditType.MEMBERSHIP_ADDED,
                    "group:" + id,
                    true,
                    "members +" + added + " -" + removed + " from the directory"));
        }
    }

    /**
     * A user who signed in by Entra first (SAML, OIDC) and is now read from Entra Domain Services is the same user: the
     * directory key is linked to them before the upsert looks for it.
     */
    private void takeOver(SiteId site, LinkKey directory, LinkKey.Entra entra) {
        if (links.find(site, directory).isPresent()) {
            return;
        }
        links.find(site, entra)
                .ifPresent(link -> links.save(new IdentityLink(site, directory, link.user(), clock.instant())));
    }

    /** The Entra key is linked to the directory's user too, unless another user holds it. */
    private void linkAlso(SiteId site, LinkKey.Entra entra, User user) {
        if (links.find(site, entra).isEmpty()) {
            links.save(new IdentityLink(site, entra, user.id(), clock.instant()));
        }
    }

    private static Optional<LinkKey.Entra> entraKey(DirectorySettings settings, DirectoryEntries.User user) {
        if (settings.tenant() == null || user.entraObjectId() == null) {
            return Optional.empty();
        }
        return Optional.of(new LinkKey.Entra(settings.tenant(), new EntraObjectId(user.entraObjectId())));
    }

    private static IdentitySource source(DirectorySettings settings) {
        Set<String> authorities = new HashSet<>(Set.of(LinkKey.DIRECTORY_AUTHORITY));
        settings.entraTenant().map(LinkKey::entraAuthority).ifPresent(authorities::add);
        return new IdentitySource(new AuthMethod.Directory(), authorities, true);
    }

    private static String summary(DirectorySyncRun run) {
        DirectorySyncRun.Counts c = run.counts();
        return (run.dryRun() ? "dry run, " : "") + run.mode().name().toLowerCase(java.util.Locale.ROOT) + " "
                + run.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (run.controller() == null ? "" : " from " + run.controller()) + ": users +" + c.usersCreated() + " ~"
                + c.usersUpdated() + " disabled " + c.usersDisabled() + " enabled " + c.usersEnabled() + "; groups +"
                + c.groupsCreated() + " ~" + c.groupsUpdated() + " -" + c.groupsDeleted() + "; memberships "
                + c.membershipsChanged() + "; " + run.errors() + " errors";
    }

    /** Thrown to roll a dry run's transaction back. */
    private static final class Preview extends RuntimeException {
        Preview() {
            super("dry run", null, false, false);
        }
    }

    /** What a run did, counted as it goes. */
    private final class Report {
        private final boolean dryRun;
        private final List<String> detail = new ArrayList<>();
        private int omitted;
        int usersCreated;
        int usersUpdated;
        int usersDisabled;
        int usersEnabled;
        int groupsCreated;
        int groupsUpdated;
        int groupsDeleted;
        int membershipsChanged;
        int errors;

        Report(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void error(String line) {
            errors++;
            add("error: " + line);
        }

        void preview(String line) {
            if (dryRun) {
                add(line);
            }
        }

        private void add(String line) {
            if (detail.size() < DirectorySyncRun.MAX_DETAIL_LINES - 1) {
                detail.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            } else {
                omitted++;
            }
        }

        DirectorySyncRun finish(
                SiteId site, Instant started, Mode mode, Trigger trigger, String controller, Outcome outcome) {
            List<String> lines = new ArrayList<>(detail);
            if (omitted > 0) {
                lines.add("… and " + omitted + " more lines");
            }
            return new DirectorySyncRun(
                    UUID.randomUUID(),
                    site,
                    started,
                    clock.instant(),
                    mode,
                    dryRun,
                    trigger,
                    node,
                    controller,
                    outcome,
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
                    lines);
        }
    }
}
