package dev.gatehouse.bench;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.engine.PolicySnapshot;
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

/**
 * The benchmark site: 10,000 users, 2,000 groups nested 5 deep (5 levels of 400; each group is in one group of the
 * level above), 5,000 folders (50 shared folders of 100 subfolders, 2 levels), each user in 3 bottom-level groups,
 * entries on every shared folder and on every tenth subfolder, some subfolders inheriting, group quotas.
 */
final class BenchWorld {
    static final int USERS = 10_000;
    static final int GROUPS = 2_000;
    static final int LEVELS = 5;
    static final int SHARED = 50;
    static final int SUBFOLDERS = 100;

    final List<UserId> users = new ArrayList<>();
    final List<GroupId> groups = new ArrayList<>();
    final List<FolderPath> folders = new ArrayList<>();
    final PolicySnapshot snapshot;

    BenchWorld(long seed) {
        Random random = new Random(seed);
        SiteId site = SiteId.random();
        for (int i = 0; i < USERS; i++) {
            users.add(new UserId(new UUID(1, i)));
        }
        Map<GroupId, String> names = new HashMap<>();
        Map<GroupId, List<GroupId>> parents = new HashMap<>();
        int perLevel = GROUPS / LEVELS;
        for (int i = 0; i < GROUPS; i++) {
            GroupId group = new GroupId(new UUID(2, i));
            groups.add(group);
            names.put(group, "group-" + i);
        }
        for (int i = 0; i < GROUPS - perLevel; i++) {
            int level = i / perLevel;
            parents.put(groups.get(i), List.of(groups.get((level + 1) * perLevel + random.nextInt(perLevel))));
        }
        for (int i = GROUPS - perLevel; i < GROUPS; i++) {
            parents.put(groups.get(i), List.of());
        }
        Map<UserId, List<GroupId>> userGroups = new HashMap<>();
        for (UserId user : users) {
            userGroups.put(
                    user,
                    List.of(
                            groups.get(random.nextInt(perLevel)),
                            groups.get(random.nextInt(perLevel)),
                            groups.get(random.nextInt(perLevel))));
        }
        List<SharedFolder> shared = new ArrayList<>();
        List<AccessEntry> entries = new ArrayList<>();
        List<AclFolder> acl = new ArrayList<>();
        for (int s = 0; s < SHARED; s++) {
            FolderPath top = FolderPath.parse("path", "/share" + s);
            shared.add(new SharedFolder(UUID.randomUUID(), site, "share" + s, top));
            for (int e = 0; e < 4; e++) {
                entries.add(new AccessEntry(
                        UUID.randomUUID(),
                        top,
                        new Grantee.Group(groups.get(random.nextInt(GROUPS))),
                        e == 0 ? Right.READ_WRITE : Right.READ_ONLY));
            }
            entries.add(new AccessEntry(
                    UUID.randomUUID(), top, new Grantee.Group(groups.get(random.nextInt(perLevel))), Right.DENY));
            for (int d = 0; d < SUBFOLDERS; d++) {
                FolderPath sub = FolderPath.parse("path", top + "/dept" + (d / 10) + "/team" + d);
                folders.add(sub);
                if (d % 10 == 0) {
                    entries.add(new AccessEntry(
                            UUID.randomUUID(),
                            sub,
                            new Grantee.Group(groups.get(random.nextInt(GROUPS))),
                            Right.READ_WRITE));
                    acl.add(new AclFolder(sub, d % 20 == 0));
                }
            }
        }
        List<Quota> quotas = new ArrayList<>();
        for (int i = 0; i < GROUPS; i += 10) {
            quotas.add(new Quota(new Grantee.Group(groups.get(i)), new QuotaBytes(1L << 30)));
        }
        Set<UserId> enabled = new HashSet<>(users);
        snapshot = new PolicySnapshot(
                site, enabled, Map.of(), userGroups, parents, names, shared, acl, entries, quotas, Map.of());
    }
}
