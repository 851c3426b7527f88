package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.IdentityLink;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.IdentityLinkRepository;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

public final class JpaIdentityLinkRepository implements IdentityLinkRepository {
    /** Keys per query of {@link #findAll}: well below every database's limit of bind parameters. */
    private static final int CHUNK = 500;

    private final Supplier<EntityManager> em;

    public JpaIdentityLinkRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<IdentityLink> find(SiteId site, LinkKey key) {
        return Optional.ofNullable(em.get()
                        .find(
                                IdentityLinkEntity.class,
                                new IdentityLinkEntity.Key(site.value(), key.kind(), key.value())))
                .map(IdentityLinkEntity::toDomain);
    }

    @Override
    public Map<LinkKey, IdentityLink> findAll(SiteId site, Collection<LinkKey> keys) {
        Map<String, LinkKey> byText = new HashMap<>();
        keys.forEach(key -> byText.put(key.kind() + "|" + key.value(), key));
        List<String> values = keys.stream().map(LinkKey::value).distinct().toList();
        Map<LinkKey, IdentityLink> found = new HashMap<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            em.get()
                    .createQuery(
                            "select l from IdentityLinkEntity l where l.key.siteId = :site and l.key.linkValue in"
                                    + " :values",
                            IdentityLinkEntity.class)
                    .setParameter("site", site.value())
                    .setParameter("values", values.subList(from, Math.min(values.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(entity -> {
                        LinkKey key = byText.get(entity.key.kind() + "|" + entity.key.linkValue());
                        if (key != null) {
                            found.put(key, entity.toDomain());
                        }
                    });
        }
        return found;
    }

    @Override
    public List<IdentityLink> linksOf(UserId user) {
        return em.get()
                .createQuery("select l from IdentityLinkEntity l where l.userId = :user", IdentityLinkEntity.class)
                .setParameter("user", user.value())
                .getResultStream()
                .map(IdentityLinkEntity::toDomain)
                .toList();
    }

    @Override
    public List<IdentityLink> links(SiteId site) {
        return em.get()
                .createQuery("select l from IdentityLinkEntity l where l.key.siteId = :site", IdentityLinkEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(IdentityLinkEntity::toDomain)
                .toList();
    }

    @Override
    public void save(IdentityLink link) {
        em.get().persist(new IdentityLinkEntity(link));
    }

    @Override
    public void deleteAllOf(UserId user) {
        em.get()
                .createQuery("delete from IdentityLinkEntity l where l.userId = :user")
                .setParameter("user", user.value())
                .executeUpdate();
    }
}
