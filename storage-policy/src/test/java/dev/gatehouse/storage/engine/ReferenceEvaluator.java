package dev.gatehouse.storage.engine;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.QuotaBytes;
import dev.gatehouse.storage.model.Right;
import dev.gatehouse.storage.model.SharedFolder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The storage rules written as plainly as their text, with no index and no caching: slow and obviously right. The
 * engine's answers are checked against it on random worlds.
 */
final class ReferenceEvaluator {
    private final PolicySnapshot s;

    ReferenceEvaluator(PolicySnapshot snapshot) {
        this.s = snapshot;
    }

    Right right(UserId user, FolderPath path) {
        if (!s.enabledUsers().contains(user)) {
            return Right.NONE;
        }
        SharedFolder folder = s.folders().stream()
                .filter(f -> path.isWithin(f.path()))
                .findFirst()
                .orElse(null);
        if (folder == null) {
            return Right.NONE;
        }
        Set<GroupId> groups = groupsOf(user);
        List<AccessEntry> matching = applicable(path, folder).stream()
                .filter(e -> e.grantee() instanceof Grantee.Everyone
                        || (e.grantee() instanceof Grantee.User u && u.id().equals(user))
                        || (e.grantee() instanceof Grantee.Group g && groups.contains(g.id())))
                .toList();
        if (matching.stream().anyMatch(e -> e.right() == Right.DENY)) {
            return Right.DENY;
        }
        if (matching.stream().anyMatch(e -> e.right() == Right.READ_WRITE)) {
            return Right.READ_WRITE;
        }
        if (matching.stream().anyMatch(e -> e.right() == Right.READ_ONLY)) {
            return Right.READ_ONLY;
        }
        return Right.NONE;
    }

    boolean allowed(UserId user, Action action, FolderPath path, long bytes) {
        Right right = right(user, path);
        if (!right.permits(action)) {
            return false;
        }
        if (action != Action.WRITE || bytes <= 0) {
            return true;
        }
        long used = s.usageBytes().getOrDefault(user, 0L);
        return quota(user).allows(used, bytes);
    }

    QuotaBytes quota(UserId user) {
        for (Quota q : s.quotas()) {
            if (q.grantee() instanceof Grantee.User u && u.id().equals(user)) {
                return q.limit();
            }
        }
        Set<GroupId> groups = groupsOf(user);
        QuotaBytes best = null;
        for (Quota q : s.quotas()) {
            if (q.grantee() instanceof Grantee.Group g
                    && groups.contains(g.id())
                    && (best == null || q.limit().bytes() > best.bytes())) {
                best = q.limit();
            }
        }
        return best == null ? QuotaBytes.UNLIMITED : best;
    }

    private List<AccessEntry> applicable(FolderPath path, SharedFolder folder) {
        for (FolderPath p = path;
                p != null && p.isWithin(folder.path());
                p = p.parent().orElse(null)) {
            FolderPath here = p;
            List<AccessEntry> own =
                    s.entries().stream().filter(e -> e.path().equals(here)).toList();
            if (!own.isEmpty()) {
                List<AccessEntry> result = new ArrayList<>(own);
                boolean inherits =
                        s.aclFolders().stream().anyMatch(a -> a.path().equals(here) && a.inheritsParent());
                if (inherits && here.parent().isPresent()) {
                    result.addAll(applicable(here.parent().get(), folder));
                }
                return result;
            }
        }
        return List.of();
    }

    private Set<GroupId> groupsOf(UserId user) {
        Set<GroupId> result = new HashSet<>();
        List<GroupId> todo = new ArrayList<>(s.userGroups().getOrDefault(user, List.of()));
        while (!todo.isEmpty()) {
            GroupId g = todo.remove(todo.size() - 1);
            if (result.add(g)) {
                todo.addAll(s.groupParents().getOrDefault(g, List.of()));
            }
        }
        return result;
    }
}
