package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.GroupLinkRepository;
import java.util.List;
import java.util.Optional;

/**
 * The administrator's table of readable names for Entra group object IDs. Naming an object ID also renames the group
 * already linked to it (created at a sign-in under its object ID), so memberships and access entries stay as they are.
 */
public class EntraGroupNames {
    private final GroupLinkRepository links;
    private final GroupService groups;

    public EntraGroupNames(GroupLinkRepository links, GroupService groups) {
        this.links = links;
        this.groups = groups;
    }

    /** @return the linked group after renaming, if one is linked */
    public Optional<Group> name(SiteId site, EntraObjectId object, String name, Actor actor) {
        GroupName checked = new GroupName(name);
        List<GroupId> linked = links.findEntraObject(site, object);
        Optional<Group> renamed =
                linked.stream().findFirst().map(group -> groups.update(site, group, checked.value(), null, actor));
        links.mapName(site, object, checked.value());
        return renamed;
    }
}
