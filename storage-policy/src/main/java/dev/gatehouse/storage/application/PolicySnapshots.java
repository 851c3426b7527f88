package dev.gatehouse.storage.application;

import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.Login;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.GroupRepository;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import dev.gatehouse.identity.port.UserRepository;
import dev.gatehouse.storage.engine.PolicySnapshot;
import dev.gatehouse.storage.port.StoragePolicyRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads everything a site's decisions depend on; call inside a transaction. */
public final class PolicySnapshots {
    private final UserRepository users;
    private final GroupRepository groups;
    private final IdentityLinkRepository links;
    private final StoragePolicyRepository policy;

    public PolicySnapshots(
            UserRepository users,
            GroupRepository groups,
            IdentityLinkRepository links,
            StoragePolicyRepository policy) {
        this.users = users;
        this.groups = groups;
        this.links = links;
        this.policy = policy;
    }

    public PolicySnapshot read(SiteId site) {
        Map<UserId, Login> enabled = users.enabledUsers(site);
        Map<String, UserId> aliases = new HashMap<>();
        enabled.forEach((id, login) -> aliases.put("login:" + login.value(), id));
        for (IdentityLink link : links.links(site)) {
            if (enabled.containsKey(link.user())) {
                aliases.put(link.key().kind() + ":" + link.key().value(), link.user());
            }
        }
        Map<GroupId, String> names = new HashMap<>();
        Map<GroupId, List<GroupId>> parents = new HashMap<>();
        for (Group group : groups.all(site)) {
            names.put(group.id(), group.name().value());
            parents.put(group.id(), new ArrayList<>());
        }
        Map<UserId, List<GroupId>> userGroups = new HashMap<>();
        for (Membership m : groups.memberships(site)) {
            if (m.member() instanceof UserId user) {
                userGroups.computeIfAbsent(user, u -> new ArrayList<>()).add(m.group());
            } else {
                parents.computeIfAbsent((GroupId) m.member(), g -> new ArrayList<>())
                        .add(m.group());
            }
        }
        return new PolicySnapshot(
                site,
                enabled.keySet(),
                aliases,
                userGroups,
                parents,
                names,
                policy.folders(site),
                policy.aclFolders(site),
                policy.entries(site),
                policy.quotas(site),
                policy.usage(site));
    }
}
