package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.port.SiteRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

public final class JpaSiteRepository implements SiteRepository {
    private final Supplier<EntityManager> em;

    public JpaSiteRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<Site> find(SiteId id) {
        return Optional.ofNullable(em().find(SiteEntity.class, id.value())).map(SiteEntity::toDomain);
    }

    @Override
    public Optional<Site> findBySlug(SiteSlug slug) {
        return em().createQuery("select s from SiteEntity s where s.slug = :slug", SiteEntity.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(SiteEntity::toDomain);
    }

    @Override
    public List<Site> findAll() {
        return em().createQuery("select s from SiteEntity s order by s.createdAt, s.slug", SiteEntity.class)
                .getResultStream()
                .map(SiteEntity::toDomain)
                .toList();
    }

    @Override
    public void save(Site site) {
        SiteEntity entity = em().find(SiteEntity.class, site.id().value());
        if (entity == null) {
            em().persist(new SiteEntity(site));
        } else {
            entity.update(site);
        }
    }

    @Override
    public void lock(SiteId id) {
        em().find(SiteEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    }

    private EntityManager em() {
        return em.get();
    }
}
