package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.IdentitySource;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.User;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.identity.port.GroupRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a user's memberships in externally linked groups follow what a source says, for every kind of group key.
 *
 * <p><b>Resolving a key.</b> A key resolves to the group linked to it. Failing that, to the group of the name the
 * source sent (the directory and SCIM send names), else of the administrator's mapping (Entra object IDs), else of the
 * key itself (the object ID), created if needed and linked. A group found by name is linked only when no other
 * authority has linked it: a provider of another tenant can never attach itself to a group of the first one by naming
 * it; it gets a group of its own instead.
 *
 * <p><b>Memberships.</b> Memberships in groups the source vouches for are added and removed to match; memberships in
 * local groups and in groups of other sources are left alone. When the source signals an overage (it left groups out),
 * memberships are only added, never removed.
 */
final class GroupReconciliation {
    private final GroupRepository groups;
    private final GroupLinkRepository links;
    private final Audit audit;
    private final Clock clock;

    GroupReconciliation(GroupRepository groups, GroupLinkRepository links, Audit audit, Clock clock) {
        this.groups = groups;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The group links a batch needs: the keys the batch names, resolved in one query, and the keys of each group a
     * reconciliation looks at, read once per group (not every link of the site for every sign-in).
     */
    final class Batch {
        private final SiteId site;
        private final Map<GroupKey, GroupId> resolved;
        private final Map<GroupId, List<GroupKey>> linked = new HashMap<>();

        private Batch(SiteId site, Map<GroupKey, GroupId> resolved) {
            this.site = site;
            this.resolved = new HashMap<>(resolved);
        }

        /** The keys linked to a group, empty for a local one. */
        List<GroupKey> keysOf(GroupId group) {
            load(List.of(group));
            return linked.get(group);
        }

        /** Reads the keys of the groups not read yet, in one query. */
        void load(Collection<GroupId> groups) {
            List<GroupId> missing = groups.stream()
                    .filter(group -> !linked.containsKey(group))
                    .distinct()
                    .toList();
            if (!missing.isEmpty()) {
                Map<GroupId, List<GroupKey>> found = links.keysOf(site, missing);
                missing.forEach(group -> linked.put(group, new ArrayList<>(found.getOrDefault(group, List.of()))));
            }
        }
    }

    Batch batch(SiteId site, Collection<ExternalGroup> groupsOfBatch) {
        Set<GroupKey> keys = new LinkedHashSet<>();
        groupsOfBatch.forEach(group -> keys.add(group.key()));
        return new Batch(site, keys.isEmpty() ? Map.of() : links.findAll(site, keys));
    }

    /** @return whether a membership was added or removed */
    boolean reconcile(SiteId site, IdentitySource source, User user, ExternalIdentity identity, Batch batch) {
        if (identity.groups().isEmpty() && identity.groupsOverage()) {
            return false; // nothing to add, and nothing may be removed
        }
        Actor actor = source.actor();
        Set<GroupId> wanted = new HashSet<>();
        for (ExternalGroup group : identity.groups()) {
            wanted.add(resolve(site, actor, group, batch));
        }
        boolean changed = false;
        Set<GroupId> current = new HashSet<>(groups.groupsOf(user.id()));
        batch.load(current);
        for (GroupId group : wanted) {
            if (!current.contains(group) && groups.addMember(new Membership(group, user.id()))) {
                audit.success(site, actor, AuditType.MEMBERSHIP_ADDED, "group:" + group, "user:" + user.id());
                changed = true;
            }
        }
        if (identity.groupsOverage()) {
            return changed;
        }
        for (GroupId group : current) {
            boolean managed = batch.keysOf(group).stream().anyMatch(source::vouchesFor);
            if (managed && !wanted.contains(group) && groups.removeMember(new Membership(group, user.id()))) {
                audit.success(site, actor, AuditType.MEMBERSHIP_REMOVED, "group:" + group, "user:" + user.id());
                changed = true;
            }
        }
        return changed;
    }

    /** The group linked to the key, else one found by name or created, then linked. */
    GroupId resolve(SiteId site, Actor actor, ExternalGroup external, Batch batch) {
        GroupKey key = external.key();
        GroupId known = batch.resolved.get(key);
        if (known != null) {
            return known;
        }
        GroupName name = new GroupName(external.displayName()
                .or(() ->
                        key instanceof GroupKey.Entra entra ? links.mappedName(site, entra.object()) : Optional.empty())
                .orElse(key.fallbackName()));
        Optional<Group> named = groups.findByName(site, name).filter(group -> batch.keysOf(group.id()).stream()
                .allMatch(other -> other.authority().equals(key.authority())));
        if (named.isEmpty() && groups.findByName(site, name).isPresent()) {
            // the name belongs to a group of another authority: this key gets a group of its own
            name = new GroupName(key.authority() + ":" + key.fallbackName());
            named = groups.findByName(site, name);
        }
        GroupName finalName = name;
        Group group = named.orElseGet(() -> {
            Group created = new Group(
                    GroupId.random(),
                    site,
                    finalName,
                    "External group " + key.kind() + ":" + key.value() + ", created when it was first asserted",
                    clock.instant());
            groups.save(created);
            audit.success(
                    site,
                    actor,
                    AuditType.GROUP_CREATED,
                    "group:" + created.id(),
                    "name=" + finalName + " " + key.kind());
            return created;
        });
        links.link(site, key, group.id());
        batch.resolved.put(key, group.id());
        List<GroupKey> keys = batch.keysOf(group.id());
        if (!keys.contains(key)) {
            keys.add(key);
        }
        return group.id();
    }
}
