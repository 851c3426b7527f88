package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.DirectorySyncRun;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.identity.port.DirectoryEntries;
import dev.gatehouse.identity.port.DirectorySyncRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

public final class JpaDirectorySyncRepository implements DirectorySyncRepository {
    private final Supplier<EntityManager> em;

    public JpaDirectorySyncRepository(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public List<DirectoryEntries.Cursor> cursors(SiteId site) {
        return em.get()
                .createQuery(
                        "select c from DirectorySyncCursorEntity c where c.key.siteId = :site",
                        DirectorySyncCursorEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(c -> new DirectoryEntries.Cursor(c.key.controller(), c.invocationId, c.highestUsn))
                .toList();
    }

    @Override
    public void saveCursor(SiteId site, DirectoryEntries.Cursor cursor, Instant at) {
        DirectorySyncCursorEntity.Key key = new DirectorySyncCursorEntity.Key(site.value(), cursor.controller());
        DirectorySyncCursorEntity entity = em.get().find(DirectorySyncCursorEntity.class, key);
        boolean fresh = entity == null;
        if (fresh) {
            entity = new DirectorySyncCursorEntity(key);
        }
        entity.invocationId = cursor.invocationId();
        entity.highestUsn = cursor.highestUsn();
        entity.updatedAt = at;
        if (fresh) {
            em.get().persist(entity);
        }
    }

    @Override
    public Set<UserId> disabledBySync(SiteId site) {
        return em.get()
                .createQuery(
                        "select d from DirectorySyncDisabledEntity d where d.key.siteId = :site",
                        DirectorySyncDisabledEntity.class)
                .setParameter("site", site.value())
                .getResultStream()
                .map(d -> new UserId(d.key.userId()))
                .collect(Collectors.toSet());
    }

    @Override
    public void markDisabledBySync(SiteId site, UserId user, Instant at) {
        DirectorySyncDisabledEntity.Key key = new DirectorySyncDisabledEntity.Key(site.value(), user.value());
        if (em.get().find(DirectorySyncDisabledEntity.class, key) == null) {
            em.get().persist(new DirectorySyncDisabledEntity(key, at));
        }
    }

    @Override
    public void unmarkDisabledBySync(SiteId site, UserId user) {
        DirectorySyncDisabledEntity entity = em.get()
                .find(
                        DirectorySyncDisabledEntity.class,
                        new DirectorySyncDisabledEntity.Key(site.value(), user.value()));
        if (entity != null) {
            em.get().remove(entity);
        }
    }

    @Override
    public void saveRun(DirectorySyncRun run) {
        em.get().persist(new DirectorySyncRunEntity(run));
    }

    @Override
    public List<DirectorySyncRun> runs(SiteId site, int limit) {
        return em.get()
                .createQuery(
                        "select r from DirectorySyncRunEntity r where r.siteId = :site order by r.startedAt desc",
                        DirectorySyncRunEntity.class)
                .setParameter("site", site.value())
                .setMaxResults(limit)
                .getResultStream()
                .map(DirectorySyncRunEntity::toDomain)
                .toList();
    }

    @Override
    public Optional<Instant> lastRunStarted(SiteId site) {
        return em.get()
                .createQuery(
                        "select max(r.startedAt) from DirectorySyncRunEntity r where r.siteId = :site and r.dryRun"
                                + " = false",
                        Instant.class)
                .setParameter("site", site.value())
                .getResultStream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }
}
