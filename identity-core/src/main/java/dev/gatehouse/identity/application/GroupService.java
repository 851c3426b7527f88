package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.SiteRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Checks;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates, renames and deletes groups and manages their members (users and groups of the same site). Group names are
 * unique per site, compared case-insensitively. A group may contain groups, but never itself, directly or through
 * other groups: such a membership is refused.
 */
public class GroupService {
    private final SiteRepository sites;
    private final GroupRepository groups;
    private final UserRepository users;
    private final Audit audit;
    private final Clock clock;
    private final java.util.List<dev.gatehouse.identity.port.PrincipalRemovalListener> removalListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public GroupService(
            SiteRepository sites, GroupRepository groups, UserRepository users, AuditLog auditLog, Clock clock) {
        this.sites = sites;
        this.groups = groups;
        this.users = users;
        this.audit = new Audit(auditLog, clock);
        this.clock = clock;
    }

    public Group create(SiteId siteId, String name, String description, Actor actor) {
        Site site = site(siteId);
        Checks checks = new Checks();
        GroupName groupName = checks.attempt(() -> new GroupName(name));
        checks.optional("description", description, 1024);
        checks.throwIfAny();
        requireFreeName(site, groupName);
        Group group = new Group(
                GroupId.random(), siteId, groupName, description == null ? "" : description.strip(), clock.instant());
        groups.save(group);
        audit.success(siteId, actor, AuditType.GROUP_CREATED, target(group.id()), "name=" + groupName);
        return group;
    }

    /** @param name {@code null} keeps the name; @param description {@code null} keeps the description */
    public Group update(SiteId siteId, GroupId id, String name, String description, Actor actor) {
        Site site = site(siteId);
        Group before = group(siteId, id);
        Checks checks = new Checks();
        GroupName newName = name == null ? before.name() : checks.attempt(() -> new GroupName(name));
        checks.optional("description", description, 1024);
        checks.throwIfAny();
        if (!newName.value().equalsIgnoreCase(before.name().value())) {
            requireFreeName(site, newName);
        }
        Group after = before.withNameAndDescription(
                newName, description == null ? before.description() : description.strip());
        groups.save(after);
        audit.success(siteId, actor, AuditType.GROUP_UPDATED, target(id), "name=" + after.name());
        return after;
    }

    /** Registers a module that keeps data about groups; it is told of each deletion inside the deleting transaction. */
    public void onRemoval(dev.gatehouse.identity.port.PrincipalRemovalListener listener) {
        removalListeners.add(listener);
    }

    public void delete(SiteId siteId, GroupId id, Actor actor) {
        Group group = group(siteId, id);
        removalListeners.forEach(l -> l.removed(siteId, id));
        groups.delete(id);
        audit.success(siteId, actor, AuditType.GROUP_DELETED, target(id), "name=" + group.name());
    }

    public Group get(SiteId siteId, GroupId id) {
        return group(siteId, id);
    }

    public java.util.Optional<Group> findByName(SiteId siteId, GroupName name) {
        return groups.findByName(siteId, name);
    }

    public Page<Group> list(SiteId siteId, PageRequest page) {
        site(siteId);
        return groups.list(siteId, page);
    }

    public List<PrincipalId> members(SiteId siteId, GroupId id) {
        group(siteId, id);
        return groups.members(id);
    }

    /** The groups {@code member} belongs to directly, by name. */
    public List<Group> groupsOf(SiteId siteId, PrincipalId member) {
        return groups.groupsOf(member).stream()
                .flatMap(id -> groups.find(id).filter(g -> g.site().equals(siteId)).stream())
                .sorted(java.util.Comparator.comparing(g -> g.name().value().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /**
     * The groups {@code member} belongs to directly or through other groups, by name: what a storage server maps to
     * its own groups.
     */
    public List<Group> effectiveGroupsOf(SiteId siteId, PrincipalId member) {
        Deque<GroupId> queue = new ArrayDeque<>(groups.groupsOf(member));
        Set<GroupId> seen = new HashSet<>();
        List<Group> found = new java.util.ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 10_000) {
            GroupId current = queue.poll();
            if (seen.add(current)) {
                groups.find(current).filter(g -> g.site().equals(siteId)).ifPresent(found::add);
                queue.addAll(groups.groupsOf(current));
            }
        }
        found.sort(java.util.Comparator.comparing(g -> g.name().value().toLowerCase(java.util.Locale.ROOT)));
        return found;
    }

    /** Adds a user or group; returns false when it was already a member. */
    public boolean addMember(SiteId siteId, GroupId groupId, PrincipalId member, Actor actor) {
        group(siteId, groupId);
        requireSameSite(siteId, member);
        if (member instanceof GroupId nested && reaches(nested, groupId)) {
            throw new ConflictException(
                    "member",
                    "group '" + nested + "' already contains group '" + groupId
                            + "' (directly or through other groups); adding it would make a cycle");
        }
        boolean added = groups.addMember(new Membership(groupId, member));
        if (added) {
            audit.success(siteId, actor, AuditType.MEMBERSHIP_ADDED, target(groupId), "member=" + describe(member));
        }
        return added;
    }

    /** Removes a member; returns false when it was not a member. */
    public boolean removeMember(SiteId siteId, GroupId groupId, PrincipalId member, Actor actor) {
        group(siteId, groupId);
        boolean removed = groups.removeMember(new Membership(groupId, member));
        if (removed) {
            audit.success(siteId, actor, AuditType.MEMBERSHIP_REMOVED, target(groupId), "member=" + describe(member));
        }
        return removed;
    }

    /** Whether {@code wanted} is {@code from} or a (transitive) member group of it. */
    private boolean reaches(GroupId from, GroupId wanted) {
        Deque<GroupId> queue = new ArrayDeque<>(List.of(from));
        Set<GroupId> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            GroupId current = queue.poll();
            if (current.equals(wanted)) {
                return true;
            }
            if (seen.add(current)) {
                groups.members(current).stream()
                        .filter(GroupId.class::isInstance)
                        .map(GroupId.class::cast)
                        .forEach(queue::add);
            }
        }
        return false;
    }

    private void requireSameSite(SiteId siteId, PrincipalId member) {
        boolean found = member instanceof UserId user
                ? users.find(user).filter(u -> u.site().equals(siteId)).isPresent()
                : groups.find((GroupId) member)
                        .filter(g -> g.site().equals(siteId))
                        .isPresent();
        if (!found) {
            throw new NotFoundException(member instanceof UserId ? "user" : "group", member.value());
        }
    }

    private void requireFreeName(Site site, GroupName name) {
        if (groups.findByName(site.id(), name).isPresent()) {
            throw new ConflictException(
                    "name",
                    "a group named '" + name + "' already exists in site '" + site.slug() + "'; choose another name");
        }
    }

    private Site site(SiteId id) {
        return sites.find(id).orElseThrow(() -> new NotFoundException("site", id));
    }

    private Group group(SiteId siteId, GroupId id) {
        return groups.find(id)
                .filter(g -> g.site().equals(siteId))
                .orElseThrow(() -> new NotFoundException("group", id));
    }

    private static String target(GroupId id) {
        return "group:" + id;
    }

    private static String describe(PrincipalId member) {
        return (member instanceof UserId ? "user:" : "group:") + member.value();
    }
}
