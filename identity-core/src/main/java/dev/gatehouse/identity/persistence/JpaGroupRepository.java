package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Group;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupName;
import dev.gatehouse.identity.domain.Membership;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.PrincipalId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.GroupRepository;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

public final class JpaGroupRepository implements GroupRepository {
    private final Supplier<EntityManager> em;

    public JpaGroupRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<Group> find(GroupId id) {
        return Optional.ofNullable(em().find(GroupEntity.class, id.value())).map(GroupEntity::toDomain);
    }

    @Override
    public Optional<Group> findByName(SiteId site, GroupName name) {
        return em().createQuery(
                        "select g from GroupEntity g where g.siteId = :site and g.nameKey = :key", GroupEntity.class)
                .setParameter("site", site.value())
                .setParameter("key", GroupEntity.key(name))
                .getResultStream()
                .findFirst()
                .map(GroupEntity::toDomain);
    }

    @Override
    public Page<Group> list(SiteId site, PageRequest page) {
        long total = em().createQuery("select count(g) from GroupEntity g where g.siteId = :site", Long.class)
                .setParameter("site", site.value())
                .getSingleResult();
        var items = em().createQuery(
                        "select g from GroupEntity g where g.siteId = :site order by g.nameKey", GroupEntity.class)
                .setParameter("site", site.value())
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(GroupEntity::toDomain)
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public void save(Group group) {
        GroupEntity entity = em().find(GroupEntity.class, group.id().value());
        if (entity == null) {
            em().persist(new GroupEntity(group));
        } else {
            entity.update(group);
        }
    }

    @Override
    public void delete(GroupId id) {
        em().createQuery("delete from MembershipEntity m where m.key.groupId = :id or m.key.memberId = :id")
                .setParameter("id", id.value())
                .executeUpdate();
        GroupEntity entity = em().find(GroupEntity.class, id.value());
        if (entity != null) {
            em().remove(entity);
        }
    }

    @Override
    public List<PrincipalId> members(GroupId group) {
        return em().createQuery("select m from MembershipEntity m where m.key.groupId = :id", MembershipEntity.class)
                .setParameter("id", group.value())
                .getResultStream()
                .map(MembershipEntity::member)
                .toList();
    }

    @Override
    public List<GroupId> groupsOf(PrincipalId member) {
        return em().createQuery("select m from MembershipEntity m where m.key.memberId = :id", MembershipEntity.class)
                .setParameter("id", member.value())
                .getResultStream()
                .map(MembershipEntity::group)
                .toList();
    }

    @Override
    public boolean addMember(Membership membership) {
        MembershipEntity entity = new MembershipEntity(membership);
        if (em().find(MembershipEntity.class, entity.key) != null) {
            return false;
        }
        em().persist(entity);
        return true;
    }

    @Override
    public void addNewMembers(GroupId group, Collection<PrincipalId> members) {
        members.forEach(member -> em().persist(new MembershipEntity(new Membership(group, member))));
    }

    @Override
    public boolean removeMember(Membership membership) {
        MembershipEntity entity = em().find(MembershipEntity.class, new MembershipEntity(membership).key);
        if (entity == null) {
            return false;
        }
        em().remove(entity);
        return true;
    }

    @Override
    public List<Group> all(SiteId site) {
        return em().createQuery("select g from GroupEntity g where g.siteId = :site", GroupEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(GroupEntity::toDomain)
                .toList();
    }

    @Override
    public List<Membership> memberships(SiteId site) {
        return em().createQuery(
                        "select m from MembershipEntity m, GroupEntity g where g.id = m.key.groupId and g.siteId = :site",
                        MembershipEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(m -> new Membership(m.group(), m.member()))
                .toList();
    }

    @Override
    public void removeAllMembershipsOf(PrincipalId member) {
        em().createQuery("delete from MembershipEntity m where m.key.memberId = :id")
                .setParameter("id", member.value())
                .executeUpdate();
    }

    private EntityManager em() {
        return em.get();
    }
}
