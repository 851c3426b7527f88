package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.GroupId;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.GroupLinkRepository;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

public final class JpaGroupLinkRepository implements GroupLinkRepository {
    /** Keys per query of {@link #findAll}: well below every database's limit of bind parameters. */
    private static final int CHUNK = 500;

    private final Supplier<EntityManager> em;

    public JpaGroupLinkRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<GroupId> find(SiteId site, GroupKey key) {
        return Optional.ofNullable(em.get().find(GroupLinkEntity.class, key(site, key)))
                .map(link -> new GroupId(link.groupId));
    }

    @Override
    public Map<GroupKey, GroupId> findKind(SiteId site, String kind) {
        Map<GroupKey, GroupId> found = new HashMap<>();
        em.get()
                .createQuery(
                        "select l from GroupLinkEntity l where l.key.siteId = :site and l.key.kind = :kind",
                        GroupLinkEntity.class)
                .setParameter("site", site.value())
                .setParameter("kind", kind)
                .getResultStream()
                .forEach(link -> found.put(link.groupKey(), new GroupId(link.groupId)));
        return found;
    }

    @Override
    public Map<GroupKey, GroupId> findAll(SiteId site, Collection<GroupKey> keys) {
        Map<String, GroupKey> byText = new HashMap<>();
        keys.forEach(key -> byText.put(key.kind() + "|" + key.value(), key));
        List<String> values = keys.stream().map(GroupKey::value).distinct().toList();
        Map<GroupKey, GroupId> found = new HashMap<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            em.get()
                    .createQuery(
                            "select l from GroupLinkEntity l where l.key.siteId = :site and l.key.keyValue in :values",
                            GroupLinkEntity.class)
                    .setParameter("site", site.value())
                    .setParameter("values", values.subList(from, Math.min(values.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(link -> {
                        GroupKey key = byText.get(link.key.kind() + "|" + link.key.keyValue());
                        if (key != null) {
                            found.put(key, new GroupId(link.groupId));
                        }
                    });
        }
        return found;
    }

    @Override
    public void link(SiteId site, GroupKey key, GroupId group) {
        em.get().merge(new GroupLinkEntity(key(site, key), group.value()));
    }

    @Override
    public Map<GroupId, List<GroupKey>> keysOf(SiteId site, Collection<GroupId> groups) {
        List<java.util.UUID> ids =
                groups.stream().map(GroupId::value).distinct().toList();
        Map<GroupId, List<GroupKey>> keys = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.get()
                    .createQuery(
                            "select l from GroupLinkEntity l where l.key.siteId = :site and l.groupId in :groups",
                            GroupLinkEntity.class)
                    .setParameter("site", site.value())
                    .setParameter("groups", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(link -> keys.computeIfAbsent(new GroupId(link.groupId), g -> new ArrayList<>())
                            .add(link.groupKey()));
        }
        return keys;
    }

    @Override
    public List<GroupId> findEntraObject(SiteId site, EntraObjectId object) {
        return em.get()
                .createQuery(
                        "select l.groupId from GroupLinkEntity l where l.key.siteId = :site and l.key.kind = 'entra'"
                                + " and l.key.keyValue like :suffix",
                        java.util.UUID.class)
                .setParameter("site", site.value())
                .setParameter("suffix", "%:" + object)
                .getResultStream()
                .map(GroupId::new)
                .distinct()
                .toList();
    }

    @Override
    public Optional<String> mappedName(SiteId site, EntraObjectId object) {
        return Optional.ofNullable(em.get().find(EntraGroupNameEntity.class, names(site, object)))
                .map(entity -> entity.name);
    }

    @Override
    public void mapName(SiteId site, EntraObjectId object, String name) {
        em.get().merge(new EntraGroupNameEntity(names(site, object), name));
    }

    private static GroupLinkEntity.Key key(SiteId site, GroupKey key) {
        return new GroupLinkEntity.Key(site.value(), key.kind(), key.value());
    }

    private static EntraGroupNameEntity.SiteObject names(SiteId site, EntraObjectId object) {
        return new EntraGroupNameEntity.SiteObject(site.value(), object.value());
    }
}
