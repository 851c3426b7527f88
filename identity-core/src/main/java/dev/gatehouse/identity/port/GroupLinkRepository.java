package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import java.util.Map;
import java.util.Optional;

/**
 * Links Gatehouse groups to Entra groups by object ID, and the administrator's table of readable names for Entra group
 * object IDs that no other source (SCIM, the directory) has named yet.
 */
public interface GroupLinkRepository {
    Optional<GroupId> findEntraGroup(SiteId site, EntraObjectId object);

    void linkEntraGroup(SiteId site, EntraObjectId object, GroupId group);

    /** Every Entra-linked group of the site. */
    Map<GroupId, EntraObjectId> entraGroups(SiteId site);

    /** The name an administrator gave the Entra group, if any. */
    Optional<String> mappedName(SiteId site, EntraObjectId object);

    void mapName(SiteId site, EntraObjectId object, String name);
}
