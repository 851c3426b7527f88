package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.GroupLinkRepository;
import dev.gatehouse.sso.persistence.EntraGroupLinkEntity.SiteObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class JpaGroupLinkRepository implements GroupLinkRepository {
    private final Transactions tx;

    public JpaGroupLinkRepository(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<GroupId> findEntraGroup(SiteId site, EntraObjectId object) {
        return Optional.ofNullable(tx.entityManager().find(EntraGroupLinkEntity.class, key(site, object)))
                .map(link -> new GroupId(link.groupId));
    }

    @Override
    public void linkEntraGroup(SiteId site, EntraObjectId object, GroupId group) {
        tx.entityManager().merge(new EntraGroupLinkEntity(key(site, object), group.value()));
    }

    @Override
    public Map<GroupId, EntraObjectId> entraGroups(SiteId site) {
        Map<GroupId, EntraObjectId> groups = new LinkedHashMap<>();
        tx.entityManager()
                .createQuery(
                        "select l from EntraGroupLinkEntity l where l.key.siteId = :site", EntraGroupLinkEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .forEach(link -> groups.put(new GroupId(link.groupId), new EntraObjectId(link.key.objectId())));
        return groups;
    }

    @Override
    public Optional<String> mappedName(SiteId site, EntraObjectId object) {
        return Optional.ofNullable(tx.entityManager().find(EntraGroupNameEntity.class, key(site, object)))
                .map(entity -> entity.name);
    }

    @Override
    public void mapName(SiteId site, EntraObjectId object, String name) {
        tx.entityManager().merge(new EntraGroupNameEntity(key(site, object), name));
    }

    private static SiteObject key(SiteId site, EntraObjectId object) {
        return new SiteObject(site.value(), object.value());
    }
}
