package dev.gatehouse.storage.application;

import dev.gatehouse.identity.application.ConflictException;
import dev.gatehouse.identity.application.NotFoundException;
import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.QuotaBytes;
import dev.gatehouse.storage.model.Right;
import dev.gatehouse.storage.model.SharedFolder;
import dev.gatehouse.storage.port.StoragePolicyRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What administrators change: shared folders, access entries, inheritance and quotas. Every change is validated
 * completely (paths inside a shared folder, grantees of the same site, folders that do not nest) and audited.
 * Stored paths are at most {@value #MAX_STORED_PATH} characters.
 */
public class StoragePolicyService implements dev.gatehouse.identity.port.PrincipalRemovalListener {
    public static final int MAX_STORED_PATH = 1024;

    private final StoragePolicyRepository policy;
    private final UserRepository users;
    private final GroupRepository groups;
    private final AuditLog audit;
    private final Clock clock;

    public StoragePolicyService(
            StoragePolicyRepository policy, UserRepository users, GroupRepository groups, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.users = users;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    public SharedFolder createFolder(SiteId site, String name, String pathText, Actor actor) {
        Checks checks = new Checks();
        checks.required("name", name, 100);
        FolderPath path = storedPath(checks, "path", pathText);
        checks.throwIfAny();
        if (path.isRoot()) {
            throw ValidationException.of("path", "'/' cannot be a shared folder; use a folder such as /finance");
        }
        for (SharedFolder other : policy.folders(site)) {
            if (other.name().equalsIgnoreCase(name.strip())) {
                throw new ConflictException(
                        "name", "a shared folder named '" + other.name() + "' already exists; choose another name");
            }
            if (path.isWithin(other.path()) || other.path().isWithin(path)) {
                throw new ConflictException(
                        "path",
                        "'" + path + "' overlaps shared folder '" + other.name() + "' at '" + other.path()
                                + "'; shared folders do not nest, use access entries on subfolders instead");
            }
        }
        SharedFolder folder = new SharedFolder(UUID.randomUUID(), site, name.strip(), path);
        policy.save(folder);
        record(
                site,
                actor,
                AuditType.FOLDER_CREATED,
                "folder:" + folder.id(),
                "name=" + folder.name() + " path=" + path);
        return folder;
    }

    public void deleteFolder(SiteId site, UUID id, Actor actor) {
        SharedFolder folder = folder(site, id);
        policy.delete(folder);
        record(
                site,
                actor,
                AuditType.FOLDER_DELETED,
                "folder:" + id,
                "name=" + folder.name() + " path=" + folder.path());
    }

    /** A deleted user or group takes its access entries and its quota with it. */
    @Override
    public void removed(SiteId site, dev.gatehouse.identity.domain.PrincipalId principal) {
        Grantee grantee = principal instanceof dev.gatehouse.identity.domain.UserId user
                ? new Grantee.User(user)
                : new Grantee.Group((dev.gatehouse.identity.domain.GroupId) principal);
        policy.deleteEntriesOf(site, grantee);
    }

    public List<SharedFolder> folders(SiteId site) {
        return policy.folders(site);
    }

    /** Sets the grantee's right on the path, replacing the grantee's earlier entry on the same path. */
    public AccessEntry setEntry(SiteId site, String pathText, String granteeCode, String rightText, Actor actor) {
        Checks checks = new Checks();
        FolderPath path = storedPath(checks, "path", pathText);
        Grantee grantee = checks.attempt(() -> Grantee.parse("grantee", granteeCode));
        Right right = checks.attempt(() -> right(rightText));
        checks.throwIfAny();
        requireInsideFolder(site, path);
        requireGrantee(site, grantee);
        AccessEntry entry = new AccessEntry(
                policy.entry(site, path, grantee).map(AccessEntry::id).orElseGet(UUID::randomUUID),
                path,
                grantee,
                right);
        policy.save(site, entry);
        record(
                site,
                actor,
                AuditType.ACCESS_ENTRY_SET,
                "entry:" + entry.id(),
                right + " for " + grantee.code() + " on " + path);
        return entry;
    }

    public void removeEntry(SiteId site, UUID id, Actor actor) {
        AccessEntry entry = policy.entry(site, id).orElseThrow(() -> new NotFoundException("access entry", id));
        policy.deleteEntry(site, id);
        record(
                site,
                actor,
                AuditType.ACCESS_ENTRY_REMOVED,
                "entry:" + id,
                entry.right() + " for " + entry.grantee().code() + " on " + entry.path());
    }

    public List<AccessEntry> entries(SiteId site) {
        return policy.entries(site);
    }

    public AclFolder setInheritance(SiteId site, String pathText, boolean inheritsParent, Actor actor) {
        Checks checks = new Checks();
        FolderPath path = storedPath(checks, "path", pathText);
        checks.throwIfAny();
        requireInsideFolder(site, path);
        AclFolder setting = new AclFolder(path, inheritsParent);
        policy.save(site, setting);
        record(
                site,
                actor,
                AuditType.ACL_INHERITANCE_SET,
                "path:" + path,
                inheritsParent ? "also inherits the parent's entries" : "its entries replace the parent's");
        return setting;
    }

    public List<AclFolder> inheritance(SiteId site) {
        return policy.aclFolders(site);
    }

    /** @param bytes null for unlimited */
    public Quota setQuota(SiteId site, String granteeCode, Long bytes, Actor actor) {
        Grantee grantee = Grantee.parse("grantee", granteeCode);
        if (grantee instanceof Grantee.Everyone) {
            throw ValidationException.of("grantee", "quotas are set for user:<id> or group:<id>, not everyone");
        }
        requireGrantee(site, grantee);
        Quota quota = new Quota(grantee, bytes == null ? QuotaBytes.UNLIMITED : new QuotaBytes(bytes));
        policy.save(site, quota);
        record(site, actor, AuditType.QUOTA_SET, grantee.code(), quota.limit().toString());
        return quota;
    }

    public void removeQuota(SiteId site, String granteeCode, Actor actor) {
        Grantee grantee = Grantee.parse("grantee", granteeCode);
        if (!policy.deleteQuota(site, grantee)) {
            throw new NotFoundException("quota of", granteeCode);
        }
        record(site, actor, AuditType.QUOTA_REMOVED, grantee.code(), "");
    }

    public List<Quota> quotas(SiteId site) {
        return policy.quotas(site);
    }

    /** Records the bytes a user stores, as a storage server reports them. */
    public void reportUsage(SiteId site, String userText, long bytes) {
        dev.gatehouse.identity.domain.UserId user = dev.gatehouse.identity.domain.UserId.parse("user", userText);
        if (bytes < 0) {
            throw ValidationException.of("bytes", bytes + " is negative; report the bytes the user stores");
        }
        if (users.find(user).filter(u -> u.site().equals(site)).isEmpty()) {
            throw new NotFoundException("user", user);
        }
        policy.saveUsage(site, user, bytes, clock.instant());
    }

    private SharedFolder folder(SiteId site, UUID id) {
        return policy.folder(id)
                .filter(f -> f.site().equals(site))
                .orElseThrow(() -> new NotFoundException("shared folder", id));
    }

    private void requireInsideFolder(SiteId site, FolderPath path) {
        if (policy.folders(site).stream().noneMatch(f -> path.isWithin(f.path()))) {
            throw ValidationException.of(
                    "path",
                    "'" + path + "' is not inside a shared folder of this site; create"
                            + " the shared folder first or use a path below one");
        }
    }

    private void requireGrantee(SiteId site, Grantee grantee) {
        boolean exists = true;
        if (grantee instanceof Grantee.User u) {
            exists = users.find(u.id()).filter(x -> x.site().equals(site)).isPresent();
        } else if (grantee instanceof Grantee.Group g) {
            exists = groups.find(g.id()).filter(x -> x.site().equals(site)).isPresent();
        }
        if (!exists) {
            throw ValidationException.of("grantee", "'" + grantee.code() + "' is not a user or group of this site");
        }
    }

    private static FolderPath storedPath(Checks checks, String field, String text) {
        FolderPath path = checks.attempt(() -> FolderPath.parse(field, text));
        if (path != null && path.value().length() > MAX_STORED_PATH) {
            checks.fail(
                    field,
                    "is longer than " + MAX_STORED_PATH + " characters; access entries and shared folders"
                            + " are set on shorter paths");
        }
        return path;
    }

    private static Right right(String text) {
        try {
            Right right =
                    Right.valueOf(String.valueOf(text).toUpperCase(Locale.ROOT).replace('-', '_'));
            if (right != Right.NONE) {
                return right;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ValidationException.of("right", "'" + text + "' is not a right; use READ_ONLY, READ_WRITE or DENY");
    }

    private void record(SiteId site, Actor actor, AuditType type, String target, String detail) {
        audit.append(AuditEvent.of(clock.instant(), site, actor, type, target, true, detail));
    }
}
