package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.SiteId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links Gatehouse groups to external groups by their immutable {@link GroupKey} (one group may carry several keys), and
 * the administrator's table of readable names for Entra group object IDs that no other source has named.
 */
public interface GroupLinkRepository {
    Optional<GroupId> find(SiteId site, GroupKey key);

    /** The linked groups of the given keys, in one query; keys without a link are absent. */
    Map<GroupKey, GroupId> findAll(SiteId site, Collection<GroupKey> keys);

    void link(SiteId site, GroupKey key, GroupId group);

    /** Every link of the site of one kind ({@code directory}, {@code scim-id}, {@code entra}). */
    Map<GroupKey, GroupId> findKind(SiteId site, String kind);

    /** The keys linked to each of the given groups, in one query; groups without links are absent. */
    Map<GroupId, List<GroupKey>> keysOf(SiteId site, Collection<GroupId> groups);

    /** The groups linked to an Entra object ID, in any tenant. */
    List<GroupId> findEntraObject(SiteId site, EntraObjectId object);

    /** The name an administrator gave the Entra group, if any. */
    Optional<String> mappedName(SiteId site, EntraObjectId object);

    void mapName(SiteId site, EntraObjectId object, String name);
}
