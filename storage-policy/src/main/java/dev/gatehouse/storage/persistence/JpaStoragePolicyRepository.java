package dev.gatehouse.storage.persistence;

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
import dev.gatehouse.storage.model.StorageClient;
import dev.gatehouse.storage.persistence.Entities.AccessEntryRow;
import dev.gatehouse.storage.persistence.Entities.AclFolderRow;
import dev.gatehouse.storage.persistence.Entities.QuotaRow;
import dev.gatehouse.storage.persistence.Entities.SharedFolderRow;
import dev.gatehouse.storage.persistence.Entities.SiteGrantee;
import dev.gatehouse.storage.persistence.Entities.SitePath;
import dev.gatehouse.storage.persistence.Entities.SiteUser;
import dev.gatehouse.storage.persistence.Entities.StorageClientRow;
import dev.gatehouse.storage.persistence.Entities.UsageRow;
import dev.gatehouse.storage.port.StoragePolicyRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

public final class JpaStoragePolicyRepository implements StoragePolicyRepository {
    /** The entity classes to add to the persistence unit. */
    public static final List<Class<?>> ENTITIES = List.of(
            SharedFolderRow.class,
            AccessEntryRow.class,
            AclFolderRow.class,
            QuotaRow.class,
            UsageRow.class,
            StorageClientRow.class);

    /** The Flyway location of this module's migrations (V2). */
    public static final String MIGRATIONS = "classpath:db/storage";

    private final Supplier<EntityManager> em;

    /** @param entityManager the entity manager of the current transaction */
    public JpaStoragePolicyRepository(Supplier<EntityManager> entityManager) {
        this.em = entityManager;
    }

    @Override
    public List<SharedFolder> folders(SiteId site) {
        return em().createQuery(
                        "select f from SharedFolderEntity f where f.siteId = :site order by f.path",
                        SharedFolderRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(JpaStoragePolicyRepository::folder)
                .toList();
    }

    @Override
    public Optional<SharedFolder> folder(UUID id) {
        return Optional.ofNullable(em().find(SharedFolderRow.class, id)).map(JpaStoragePolicyRepository::folder);
    }

    @Override
    public void save(SharedFolder folder) {
        SharedFolderRow row = em().find(SharedFolderRow.class, folder.id());
        boolean isNew = row == null;
        if (isNew) {
            row = new SharedFolderRow();
            row.id = folder.id();
            row.siteId = folder.site().value();
            row.createdAt = Instant.now();
        }
        row.name = folder.name();
        row.nameKey = folder.name().toLowerCase(Locale.ROOT);
        row.path = folder.path().value();
        if (isNew) {
            em().persist(row);
        }
    }

    @Override
    public void delete(SharedFolder folder) {
        String path = folder.path().value();
        for (String entity : List.of("AccessEntryEntity", "AclFolderEntity")) {
            String column = entity.equals("AclFolderEntity") ? "key.path" : "path";
            String site = entity.equals("AclFolderEntity") ? "key.siteId" : "siteId";
            em().createQuery("delete from " + entity + " e where e." + site + " = :site and (e." + column
                            + " = :path or e." + column + " like :below)")
                    .setParameter("site", folder.site().value())
                    .setParameter("path", path)
                    .setParameter("below", likeBelow(path))
                    .executeUpdate();
        }
        SharedFolderRow row = em().find(SharedFolderRow.class, folder.id());
        if (row != null) {
            em().remove(row);
        }
    }

    @Override
    public List<AccessEntry> entries(SiteId site) {
        return em().createQuery(
                        "select e from AccessEntryEntity e where e.siteId = :site order by e.path, e.grantee",
                        AccessEntryRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(JpaStoragePolicyRepository::entry)
                .toList();
    }

    @Override
    public Optional<AccessEntry> entry(SiteId site, UUID id) {
        return Optional.ofNullable(em().find(AccessEntryRow.class, id))
                .filter(row -> row.siteId.equals(site.value()))
                .map(JpaStoragePolicyRepository::entry);
    }

    @Override
    public Optional<AccessEntry> entry(SiteId site, FolderPath path, Grantee grantee) {
        return em().createQuery(
                        "select e from AccessEntryEntity e where e.siteId = :site and e.path = :path"
                                + " and e.grantee = :grantee",
                        AccessEntryRow.class)
                .setParameter("site", site.value())
                .setParameter("path", path.value())
                .setParameter("grantee", grantee.code())
                .getResultStream()
                .findFirst()
                .map(JpaStoragePolicyRepository::entry);
    }

    @Override
    public void save(SiteId site, AccessEntry entry) {
        AccessEntryRow row = em().find(AccessEntryRow.class, entry.id());
        boolean isNew = row == null;
        if (isNew) {
            row = new AccessEntryRow();
            row.id = entry.id();
            row.siteId = site.value();
            row.createdAt = Instant.now();
        }
        row.path = entry.path().value();
        row.grantee = entry.grantee().code();
        row.right = entry.right().name();
        if (isNew) {
            em().persist(row);
        }
    }

    @Override
    public void deleteEntry(SiteId site, UUID id) {
        AccessEntryRow row = em().find(AccessEntryRow.class, id);
        if (row != null && row.siteId.equals(site.value())) {
            em().remove(row);
        }
    }

    @Override
    public void deleteEntriesOf(SiteId site, Grantee grantee) {
        em().createQuery("delete from AccessEntryEntity e where e.siteId = :site and e.grantee = :grantee")
                .setParameter("site", site.value())
                .setParameter("grantee", grantee.code())
                .executeUpdate();
        deleteQuota(site, grantee);
    }

    @Override
    public List<AclFolder> aclFolders(SiteId site) {
        return em().createQuery("select a from AclFolderEntity a where a.key.siteId = :site", AclFolderRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(row -> new AclFolder(FolderPath.parse("path", row.key.path()), row.inheritsParent))
                .toList();
    }

    @Override
    public void save(SiteId site, AclFolder setting) {
        SitePath key = new SitePath(site.value(), setting.path().value());
        AclFolderRow row = em().find(AclFolderRow.class, key);
        if (row == null) {
            row = new AclFolderRow();
            row.key = key;
            row.inheritsParent = setting.inheritsParent();
            em().persist(row);
        } else {
            row.inheritsParent = setting.inheritsParent();
        }
    }

    @Override
    public List<Quota> quotas(SiteId site) {
        return em().createQuery("select q from QuotaEntity q where q.key.siteId = :site", QuotaRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(row -> new Quota(
                        Grantee.parse("grantee", row.key.grantee()),
                        row.limitBytes == null ? QuotaBytes.UNLIMITED : new QuotaBytes(row.limitBytes)))
                .toList();
    }

    @Override
    public void save(SiteId site, Quota quota) {
        SiteGrantee key = new SiteGrantee(site.value(), quota.grantee().code());
        QuotaRow row = em().find(QuotaRow.class, key);
        Long limit = quota.limit().isUnlimited() ? null : quota.limit().bytes();
        if (row == null) {
            row = new QuotaRow();
            row.key = key;
            row.limitBytes = limit;
            em().persist(row);
        } else {
            row.limitBytes = limit;
        }
    }

    @Override
    public boolean deleteQuota(SiteId site, Grantee grantee) {
        QuotaRow row = em().find(QuotaRow.class, new SiteGrantee(site.value(), grantee.code()));
        if (row == null) {
            return false;
        }
        em().remove(row);
        return true;
    }

    @Override
    public Map<UserId, Long> usage(SiteId site) {
        Map<UserId, Long> usage = new HashMap<>();
        em().createQuery("select u from UsageEntity u where u.key.siteId = :site", UsageRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .forEach(row -> usage.put(new UserId(row.key.userId()), row.bytes));
        return usage;
    }

    @Override
    public void saveUsage(SiteId site, UserId user, long bytes, Instant reportedAt) {
        SiteUser key = new SiteUser(site.value(), user.value());
        UsageRow row = em().find(UsageRow.class, key);
        if (row == null) {
            row = new UsageRow();
            row.key = key;
            row.bytes = bytes;
            row.reportedAt = reportedAt;
            em().persist(row);
        } else {
            row.bytes = bytes;
            row.reportedAt = reportedAt;
        }
    }

    @Override
    public List<StorageClient> clients(SiteId site) {
        return em().createQuery(
                        "select c from StorageClientEntity c where c.siteId = :site order by c.name",
                        StorageClientRow.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(JpaStoragePolicyRepository::client)
                .toList();
    }

    @Override
    public Optional<StorageClient> client(UUID id) {
        return Optional.ofNullable(em().find(StorageClientRow.class, id)).map(JpaStoragePolicyRepository::client);
    }

    @Override
    public void save(StorageClient client) {
        StorageClientRow row = new StorageClientRow();
        row.id = client.id();
        row.siteId = client.site().value();
        row.name = client.name();
        row.secretHash = client.secretHash();
        row.createdAt = client.createdAt();
        em().persist(row);
    }

    @Override
    public void deleteClient(UUID id) {
        StorageClientRow row = em().find(StorageClientRow.class, id);
        if (row != null) {
            em().remove(row);
        }
    }

    private EntityManager em() {
        return em.get();
    }

    private static String likeBelow(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    private static SharedFolder folder(SharedFolderRow row) {
        return new SharedFolder(row.id, new SiteId(row.siteId), row.name, FolderPath.parse("path", row.path));
    }

    private static AccessEntry entry(AccessEntryRow row) {
        return new AccessEntry(
                row.id,
                FolderPath.parse("path", row.path),
                Grantee.parse("grantee", row.grantee),
                Right.valueOf(row.right));
    }

    private static StorageClient client(StorageClientRow row) {
        return new StorageClient(row.id, new SiteId(row.siteId), row.name, row.secretHash, row.createdAt);
    }
}
