package dev.gatehouse.storage.port;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.FolderPath;
import dev.gatehouse.storage.model.Grantee;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.SharedFolder;
import dev.gatehouse.storage.model.StorageClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Shared folders, access lists, quotas, usage and storage clients of sites. Called inside the caller's transaction. */
public interface StoragePolicyRepository {
    List<SharedFolder> folders(SiteId site);

    Optional<SharedFolder> folder(UUID id);

    void save(SharedFolder folder);

    /** Deletes the folder with every entry and inheritance setting on or below its path. */
    void delete(SharedFolder folder);

    List<AccessEntry> entries(SiteId site);

    Optional<AccessEntry> entry(SiteId site, UUID id);

    /** The entry for this grantee on this path, if any (there is at most one). */
    Optional<AccessEntry> entry(SiteId site, FolderPath path, Grantee grantee);

    void save(SiteId site, AccessEntry entry);

    void deleteEntry(SiteId site, UUID id);

    /** Deletes every entry naming {@code grantee} (a deleted user or group). */
    void deleteEntriesOf(SiteId site, Grantee grantee);

    List<AclFolder> aclFolders(SiteId site);

    void save(SiteId site, AclFolder setting);

    List<Quota> quotas(SiteId site);

    void save(SiteId site, Quota quota);

    boolean deleteQuota(SiteId site, Grantee grantee);

    Map<UserId, Long> usage(SiteId site);

    void saveUsage(SiteId site, UserId user, long bytes, Instant reportedAt);

    List<StorageClient> clients(SiteId site);

    Optional<StorageClient> client(UUID id);

    void save(StorageClient client);

    void deleteClient(UUID id);
}
