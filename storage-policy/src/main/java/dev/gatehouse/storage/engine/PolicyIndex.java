package dev.gatehouse.storage.engine;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site's storage policy in memory, immutable once built: decisions read only maps.
 *
 * <p><b>The rules</b>, in the order they are applied:
 * <ol>
 *   <li>A user who is disabled, deprovisioned or unknown is denied everything.</li>
 *   <li>A path outside every shared folder is denied.</li>
 *   <li>The entries that apply to a path are those of the nearest folder on the path (the path itself, then its
 *       parents) that has entries: a subfolder's entries replace the ones above it. When that folder is marked to
 *       inherit its parent's entries, the entries that apply to its parent (found by the same rule) apply too.</li>
 *   <li>Among the entries that apply, any Deny naming the user, one of their groups (nested groups included) or
 *       everyone denies. Otherwise the highest matching allow is the right: Read-write over Read-only. Otherwise
 *       the user has no access.</li>
 *   <li>A write of N bytes also needs the quota: the user's own quota if set, else the highest quota among all their
 *       groups (unlimited is the highest), else unlimited; usage + N must stay within it.</li>
 * </ol>
 */
public final class PolicyIndex {
    private final SiteId site;
    private final Set<UserId> enabledUsers;
    private final Map<String, UserId> aliases;
    private final Map<UserId, List<GroupId>> userGroups;
    private final Map<GroupId, Set<GroupId>> ancestors;
    private final Map<GroupId, List<GroupId>> groupParents;
    private final Map<GroupId, String> groupNames;
    private final Map<String, SharedFolder> folders;
    private final Map<String, Node> nodes;
    private final Map<UserId, QuotaBytes> userQuotas;
    private final Map<GroupId, QuotaBytes> groupQuotas;
    private final Map<UserId, Long> usage;
    private final Map<UserId, Principal> principals = new ConcurrentHashMap<>();

    /** The entries set on one folder, and the entries that apply there (its own plus inherited ones). */
    private record Node(FolderPath path, List<Applied> applicable) {}

    private record Applied(AccessEntry entry, FolderPath definedOn, boolean inherited) {}

    /** A user's group closure and quota, computed once per index, and the group chains already explained. */
    private record Principal(
            Set<GroupId> groups, QuotaBytes quota, String quotaSource, Map<GroupId, List<String>> chains) {
        Principal(Set<GroupId> groups, QuotaBytes quota, String quotaSource) {
            this(groups, quota, quotaSource, new ConcurrentHashMap<>());
        }
    }

    private PolicyIndex(PolicySnapshot s) {
        site = s.site();
        enabledUsers = Set.copyOf(s.enabledUsers());
        aliases = Map.copyOf(s.aliases());
        userGroups = Map.copyOf(s.userGroups());
        groupParents = Map.copyOf(s.groupParents());
        groupNames = Map.copyOf(s.groupNames());
        ancestors = closeGroups(s.groupParents());
        folders = new HashMap<>();
        s.folders().forEach(f -> folders.put(f.path().value(), f));
        nodes = buildNodes(s.aclFolders(), s.entries());
        userQuotas = new HashMap<>();
        groupQuotas = new HashMap<>();
        for (Quota quota : s.quotas()) {
            if (quota.grantee() instanceof Grantee.User user) {
                userQuotas.put(user.id(), quota.limit());
            } else if (quota.grantee() instanceof Grantee.Group group) {
                groupQuotas.put(group.id(), quota.limit());
            }
        }
        usage = new ConcurrentHashMap<>(s.usageBytes());
    }

    public static PolicyIndex build(PolicySnapshot snapshot) {
        return new PolicyIndex(snapshot);
    }

    public SiteId site() {
        return site;
    }

    /** Records bytes in use reported by a storage server; the only part of an index that changes after its build. */
    public void reportUsage(UserId user, long bytes) {
        usage.put(user, bytes);
    }

    /** The enabled user known by {@code login:<login>} or a link key {@code <kind>:<value>}, if any. */
    public java.util.Optional<UserId> userByAlias(String alias) {
        return java.util.Optional.ofNullable(aliases.get(alias));
    }

    /**
     * Decides one request.
     *
     * @param path already normalised
     * @param bytes for a write, the bytes it adds; ignored for other actions
     */
    public Decision decide(UserId user, Action action, FolderPath path, long bytes) {
        if (!enabledUsers.contains(user)) {
            return Decision.deny(Right.NONE, "the user is unknown, disabled or deprovisioned");
        }
        Lookup lookup = lookup(path);
        if (lookup.folder == null) {
            return Decision.deny(Right.NONE, "'" + path + "' is not inside a shared folder");
        }
        Principal principal = principal(user);
        if (lookup.node == null) {
            return Decision.deny(Right.NONE, "no entry on '" + lookup.folder.name() + "' applies to '" + path + "'");
        }
        Applied best = null;
        Applied deny = null;
        for (Applied applied : lookup.node.applicable) {
            if (!matches(applied.entry.grantee(), user, principal)) {
                continue;
            }
            if (applied.entry.right() == Right.DENY) {
                deny = applied;
                break;
            }
            if (best == null || applied.entry.right().compareTo(best.entry.right()) > 0) {
                best = applied;
            }
        }
        if (deny != null) {
            return Decision.deny(Right.DENY, "denied by " + describe(deny, user, principal));
        }
        if (best == null) {
            return Decision.deny(Right.NONE, "no entry on '" + lookup.node.path + "' names the user or their groups");
        }
        Right right = best.entry.right();
        if (!right.permits(action)) {
            return Decision.deny(
                    right,
                    action.name().toLowerCase() + " needs Read-write; " + describe(best, user, principal)
                            + " grants Read-only");
        }
        if (action == Action.WRITE && bytes > 0) {
            long used = usage.getOrDefault(user, 0L);
            if (!principal.quota.allows(used, bytes)) {
                return Decision.deny(
                        right,
                        "writing " + bytes + " bytes would exceed the quota of " + principal.quota + " ("
                                + principal.quotaSource + "); " + used + " bytes are in use");
            }
        }
        return new Decision(true, right, "allowed by " + describe(best, user, principal));
    }

    /** Every entry that applies to the path, with its source, and the resulting right and quota. */
    public Explanation explain(UserId user, FolderPath path) {
        Lookup lookup = lookup(path);
        boolean enabled = enabledUsers.contains(user);
        Principal principal = enabled ? principal(user) : new Principal(Set.of(), QuotaBytes.UNLIMITED, "none");
        List<Explanation.AppliedEntry> applied = new ArrayList<>();
        if (lookup.node != null) {
            for (Applied a : lookup.node.applicable) {
                boolean match = enabled && matches(a.entry.grantee(), user, principal);
                applied.add(new Explanation.AppliedEntry(
                        a.entry, a.definedOn, a.inherited, match, match ? via(a.entry.grantee(), user) : List.of()));
            }
        }
        Decision read = decide(user, Action.READ, path, 0);
        return new Explanation(
                lookup.folder == null ? null : lookup.folder.name(),
                applied,
                read.right(),
                read.reason(),
                principal.quota,
                principal.quotaSource,
                usage.getOrDefault(user, 0L));
    }

    private record Lookup(SharedFolder folder, Node node) {}

    private Lookup lookup(FolderPath path) {
        String value = path.value();
        Node node = null;
        while (true) {
            if (node == null) {
                node = nodes.get(value);
            }
            SharedFolder folder = folders.get(value);
            if (folder != null) {
                return new Lookup(folder, node);
            }
            if (value.equals("/")) {
                return new Lookup(null, null);
            }
            int slash = value.lastIndexOf('/');
            value = slash == 0 ? "/" : value.substring(0, slash);
        }
    }

    private boolean matches(Grantee grantee, UserId user, Principal principal) {
        if (grantee instanceof Grantee.Group group) {
            return principal.groups.contains(group.id());
        }
        if (grantee instanceof Grantee.User named) {
            return named.id().equals(user);
        }
        return true;
    }

    private Principal principal(UserId user) {
        return principals.computeIfAbsent(user, this::computePrincipal);
    }

    private Principal computePrincipal(UserId user) {
        Set<GroupId> groups = new HashSet<>();
        for (GroupId direct : userGroups.getOrDefault(user, List.of())) {
            groups.add(direct);
            groups.addAll(ancestors.getOrDefault(direct, Set.of()));
        }
        QuotaBytes own = userQuotas.get(user);
        if (own != null) {
            return new Principal(Set.copyOf(groups), own, "the user's own quota");
        }
        QuotaBytes highest = null;
        GroupId from = null;
        for (GroupId group : groups) {
            QuotaBytes limit = groupQuotas.get(group);
            if (limit != null && (highest == null || limit.compareTo(highest) > 0)) {
                highest = limit;
                from = group;
            }
        }
        return highest == null
                ? new Principal(Set.copyOf(groups), QuotaBytes.UNLIMITED, "no quota set")
                : new Principal(Set.copyOf(groups), highest, "quota of group '" + groupNames.get(from) + "'");
    }

    private String describe(Applied applied, UserId user, Principal principal) {
        AccessEntry entry = applied.entry;
        String who;
        if (entry.grantee() instanceof Grantee.Group g) {
            who = "group '" + groupNames.get(g.id()) + "'"
                    + (userGroups.getOrDefault(user, List.of()).contains(g.id())
                            ? ""
                            : " (via "
                                    + String.join(
                                            " → ",
                                            principal.chains.computeIfAbsent(g.id(), id -> via(entry.grantee(), user)))
                                    + ")");
        } else {
            who = entry.grantee() instanceof Grantee.User ? "the user" : "everyone";
        }
        return entry.right().name() + " entry " + entry.id() + " on '" + applied.definedOn + "'"
                + (applied.inherited ? " (inherited)" : "") + " for " + who;
    }

    /** The shortest chain of group names from one of the user's direct groups up to the grantee group. */
    private List<String> via(Grantee grantee, UserId user) {
        if (!(grantee instanceof Grantee.Group target)) {
            return List.of();
        }
        Map<GroupId, GroupId> cameFrom = new LinkedHashMap<>();
        Deque<GroupId> queue = new ArrayDeque<>();
        for (GroupId direct : userGroups.getOrDefault(user, List.of())) {
            if (cameFrom.putIfAbsent(direct, direct) == null) {
                queue.add(direct);
            }
        }
        while (!queue.isEmpty()) {
            GroupId current = queue.poll();
            if (current.equals(target.id())) {
                List<String> chain = new ArrayList<>();
                for (GroupId step = current; ; step = cameFrom.get(step)) {
                    chain.add(groupNames.get(step));
                    if (cameFrom.get(step).equals(step)) {
                        break;
                    }
                }
                Collections.reverse(chain);
                return chain;
            }
            for (GroupId parent : groupParents.getOrDefault(current, List.of())) {
                if (cameFrom.putIfAbsent(parent, current) == null) {
                    queue.add(parent);
                }
            }
        }
        return List.of();
    }

    private static Map<GroupId, Set<GroupId>> closeGroups(Map<GroupId, List<GroupId>> parents) {
        Map<GroupId, Set<GroupId>> result = new HashMap<>();
        for (GroupId group : parents.keySet()) {
            Set<GroupId> seen = new HashSet<>();
            Deque<GroupId> queue = new ArrayDeque<>(parents.getOrDefault(group, List.of()));
            while (!queue.isEmpty()) {
                GroupId next = queue.poll();
                if (seen.add(next)) {
                    queue.addAll(parents.getOrDefault(next, List.of()));
                }
            }
            result.put(group, Set.copyOf(seen));
        }
        return result;
    }

    private static Map<String, Node> buildNodes(List<AclFolder> settings, List<AccessEntry> entries) {
        Map<String, List<AccessEntry>> own = new HashMap<>();
        for (AccessEntry entry : entries) {
            own.computeIfAbsent(entry.path().value(), k -> new ArrayList<>()).add(entry);
        }
        Map<String, Boolean> inherits = new HashMap<>();
        settings.forEach(s -> inherits.put(s.path().value(), s.inheritsParent()));
        Map<String, Node> nodes = new HashMap<>();
        for (String path : own.keySet()) {
            nodes.put(path, node(FolderPath.parse("path", path), own, inherits));
        }
        return nodes;
    }

    private static Node node(FolderPath path, Map<String, List<AccessEntry>> own, Map<String, Boolean> inherits) {
        List<Applied> applicable = new ArrayList<>();
        own.get(path.value()).forEach(e -> applicable.add(new Applied(e, path, false)));
        if (inherits.getOrDefault(path.value(), false)) {
            for (FolderPath up = path.parent().orElse(null);
                    up != null;
                    up = up.parent().orElse(null)) {
                if (own.containsKey(up.value())) {
                    node(up, own, inherits)
                            .applicable
                            .forEach(a -> applicable.add(new Applied(a.entry, a.definedOn, true)));
                    break;
                }
            }
        }
        return new Node(path, List.copyOf(applicable));
    }
}
