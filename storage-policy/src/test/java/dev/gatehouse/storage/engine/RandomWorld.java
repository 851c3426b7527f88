package dev.gatehouse.storage.engine;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.QuotaBytes;
import dev.gatehouse.storage.model.Right;
import dev.gatehouse.storage.model.SharedFolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** A random site: users in nested groups (a DAG), shared folders with subfolder trees, entries, inheritance, quotas. */
final class RandomWorld {
    final List<UserId> users = new ArrayList<>();
    final List<GroupId> groups = new ArrayList<>();
    final List<FolderPath> paths = new ArrayList<>();
    final PolicySnapshot snapshot;

    RandomWorld(long seed) {
        Random random = new Random(seed);
        SiteId site = SiteId.random();
        int userCount = 3 + random.nextInt(15);
        int groupCount = 1 + random.nextInt(10);
        for (int i = 0; i < userCount; i++) {
            users.add(new UserId(new UUID(seed, i)));
        }
        Map<GroupId, String> names = new HashMap<>();
        for (int i = 0; i < groupCount; i++) {
            GroupId g = new GroupId(new UUID(seed, 1000 + i));
            groups.add(g);
            names.put(g, "g" + i);
        }
        Map<GroupId, List<GroupId>> parents = new HashMap<>();
        for (int i = 0; i < groupCount; i++) {
            List<GroupId> up = new ArrayList<>();
            for (int j = i + 1; j < groupCount; j++) {
                if (random.nextInt(4) == 0) {
                    up.add(groups.get(j));
                }
            }
            parents.put(groups.get(i), up);
        }
        Map<UserId, List<GroupId>> userGroups = new HashMap<>();
        Set<UserId> enabled = new HashSet<>();
        for (UserId u : users) {
            List<GroupId> mine = new ArrayList<>();
            for (GroupId g : groups) {
                if (random.nextInt(3) == 0) {
                    mine.add(g);
                }
            }
            userGroups.put(u, mine);
            if (random.nextInt(8) != 0) {
                enabled.add(u);
            }
        }
        List<SharedFolder> folders = new ArrayList<>();
        for (String top : List.of("/a", "/b")) {
            folders.add(new SharedFolder(UUID.randomUUID(), site, top.substring(1), FolderPath.parse("p", top)));
            addTree(random, top, 0);
        }
        paths.add(FolderPath.parse("p", "/outside/x"));
        List<AccessEntry> entries = new ArrayList<>();
        List<AclFolder> acl = new ArrayList<>();
        for (FolderPath path : paths) {
            if (path.value().startsWith("/outside")) {
                continue;
            }
            int count = random.nextInt(4) == 0 ? 0 : random.nextInt(4);
            for (int i = 0; i < count; i++) {
                entries.add(new AccessEntry(
                        UUID.randomUUID(),
                        path,
                        grantee(random),
                        new Right[] {Right.READ_ONLY, Right.READ_WRITE, Right.DENY}
                                [random.nextInt(3) == 0 ? 2 : random.nextInt(2)]));
            }
            if (random.nextInt(3) == 0) {
                acl.add(new AclFolder(path, true));
            }
        }
        List<Quota> quotas = new ArrayList<>();
        Map<UserId, Long> usage = new HashMap<>();
        for (UserId u : users) {
            if (random.nextInt(4) == 0) {
                quotas.add(new Quota(new Grantee.User(u), new QuotaBytes(random.nextInt(1000))));
            }
            usage.put(u, (long) random.nextInt(800));
        }
        for (GroupId g : groups) {
            if (random.nextInt(3) == 0) {
                quotas.add(new Quota(
                        new Grantee.Group(g),
                        random.nextInt(5) == 0 ? QuotaBytes.UNLIMITED : new QuotaBytes(random.nextInt(2000))));
            }
        }
        snapshot = new PolicySnapshot(
                site, enabled, Map.of(), userGroups, parents, names, folders, acl, entries, quotas, usage);
    }

    private Grantee grantee(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new Grantee.Everyone();
            case 1, 2 -> new Grantee.User(users.get(random.nextInt(users.size())));
            default -> new Grantee.Group(groups.get(random.nextInt(groups.size())));
        };
    }

    private void addTree(Random random, String path, int depth) {
        paths.add(FolderPath.parse("p", path));
        if (depth >= 3) {
            return;
        }
        for (String child : List.of("x", "y", "z")) {
            if (random.nextInt(2) == 0) {
                addTree(random, path + "/" + child, depth + 1);
            }
        }
    }
}
