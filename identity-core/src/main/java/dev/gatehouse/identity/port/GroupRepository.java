package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.SiteId;
import java.util.List;
import java.util.Optional;

public interface GroupRepository {
    Optional<Group> find(GroupId id);

    /** Case-insensitive. */
    Optional<Group> findByName(SiteId site, GroupName name);

    Page<Group> list(SiteId site, PageRequest page);

    void save(Group group);

    /** Deletes the group and every membership in which it is the group or the member. */
    void delete(GroupId id);

    List<PrincipalId> members(GroupId group);

    /** The groups {@code member} belongs to directly. */
    List<GroupId> groupsOf(PrincipalId member);

    /** Adds the membership; returns false when it already existed. */
    boolean addMember(Membership membership);

    /**
     * Adds memberships the caller knows are not there yet (it read the group's members in the same transaction), without
     * a read each: a sync adds thousands.
     */
    default void addNewMembers(GroupId group, java.util.Collection<PrincipalId> members) {
        members.forEach(member -> addMember(new Membership(group, member)));
    }

    /** Removes the membership; returns false when it did not exist. */
    boolean removeMember(Membership membership);

    /** Every group of the site. */
    List<Group> all(SiteId site);

    /** Every membership whose group belongs to {@code site}. */
    List<Membership> memberships(SiteId site);

    /** Removes every membership of {@code member}. */
    void removeAllMembershipsOf(PrincipalId member);
}
