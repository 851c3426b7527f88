package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.ScimResource;
import dev.gatehouse.identity.domain.ScimSettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ScimRepository;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

public final class JpaScimRepository implements ScimRepository {
    /** Ids per query of {@link #findAll}: well below every database's limit of bind parameters. */
    private static final int CHUNK = 500;

    private final Supplier<EntityManager> em;

    public JpaScimRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Optional<ScimResource> find(UUID subject) {
        return Optional.ofNullable(em.get().find(ScimResourceEntity.class, subject))
                .map(ScimResourceEntity::toDomain);
    }

    @Override
    public Map<UUID, ScimResource> findAll(Collection<UUID> subjects) {
        List<UUID> ids = subjects.stream().distinct().toList();
        Map<UUID, ScimResource> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.get()
                    .createQuery(
                            "select r from ScimResourceEntity r where r.subjectId in :ids", ScimResourceEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .getResultStream()
                    .forEach(entity -> found.put(entity.subjectId, entity.toDomain()));
        }
        return found;
    }

    @Override
    public Optional<ScimResource> findByExternalId(SiteId site, ScimResource.Type type, String externalId) {
        return em.get()
                .createQuery(
                        "select r from ScimResourceEntity r where r.siteId = :site and r.resourceType = :type"
                                + " and r.externalId = :externalId",
                        ScimResourceEntity.class)
                .setParameter("site", site.value())
                .setParameter("type", type.code())
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst()
                .map(ScimResourceEntity::toDomain);
    }

    @Override
    public void save(ScimResource resource) {
        ScimResourceEntity entity = em.get().find(ScimResourceEntity.class, resource.subject());
        if (entity == null) {
            em.get().persist(new ScimResourceEntity(resource));
        } else {
            entity.copy(resource);
        }
    }

    @Override
    public void delete(UUID subject) {
        ScimResourceEntity entity = em.get().find(ScimResourceEntity.class, subject);
        if (entity != null) {
            em.get().remove(entity);
        }
    }

    @Override
    public Optional<ScimSettings> settings(SiteId site) {
        return Optional.ofNullable(em.get().find(ScimSettingsEntity.class, site.value()))
                .map(ScimSettingsEntity::toDomain);
    }

    @Override
    public void save(ScimSettings settings) {
        ScimSettingsEntity entity =
                em.get().find(ScimSettingsEntity.class, settings.site().value());
        if (entity == null) {
            em.get().persist(new ScimSettingsEntity(settings));
        } else {
            entity.copy(settings);
        }
    }
}
