package dev.gatehouse.storage.engine;

import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.SharedFolder;
import java.util.List;
import java.util.Map;

/**
 * Everything a site's decisions depend on, read in one transaction.
 *
 * @param enabledUsers the users who may be granted anything (disabled and deprovisioned users are absent)
 * @param aliases other names of enabled users: {@code login:<login>} and {@code <link kind>:<link value>}
 * @param userGroups each user's direct groups
 * @param groupParents each group's direct parent groups (the groups it is a member of)
 * @param groupNames for reasons and explanations
 * @param usageBytes bytes each user stores, as reported by storage servers
 */
public record PolicySnapshot(
        SiteId site,
        java.util.Set<UserId> enabledUsers,
        Map<String, UserId> aliases,
        Map<UserId, List<GroupId>> userGroups,
        Map<GroupId, List<GroupId>> groupParents,
        Map<GroupId, String> groupNames,
        List<SharedFolder> folders,
        List<AclFolder> aclFolders,
        List<AccessEntry> entries,
        List<Quota> quotas,
        Map<UserId, Long> usageBytes) {}
