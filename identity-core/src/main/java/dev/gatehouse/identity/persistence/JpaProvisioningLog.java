package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.domain.PageRequest;
import dev.gatehouse.identity.domain.ProvisioningEntry;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.ProvisioningLog;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.function.Supplier;

public final class JpaProvisioningLog implements ProvisioningLog {
    private final Supplier<EntityManager> em;

    public JpaProvisioningLog(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public void append(ProvisioningEntry entry) {
        em.get().persist(new ProvisioningEntryEntity(entry));
    }

    @Override
    public Page<ProvisioningEntry> query(
            SiteId site, String method, String resource, boolean failuresOnly, Instant since, PageRequest page) {
        String where = " where e.siteId = :site"
                + (method == null ? "" : " and e.method = :method")
                + (resource == null ? "" : " and e.resource like :resource escape '!'")
                + (failuresOnly ? " and e.status >= 400" : "")
                + (since == null ? "" : " and e.at >= :since");
        TypedQuery<ProvisioningEntryEntity> items = em.get()
                .createQuery(
                        "select e from ProvisioningEntryEntity e" + where + " order by e.at desc, e.id",
                        ProvisioningEntryEntity.class);
        TypedQuery<Long> count =
                em.get().createQuery("select count(e) from ProvisioningEntryEntity e" + where, Long.class);
        for (TypedQuery<?> query : java.util.List.of(items, count)) {
            query.setParameter("site", site.value());
            if (method != null) {
                query.setParameter("method", method);
            }
            if (resource != null) {
                query.setParameter(
                        "resource",
                        resource.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            if (since != null) {
                query.setParameter("since", since);
            }
        }
        return new Page<>(
                items.setFirstResult(page.offset())
                        .setMaxResults(page.size())
                        .getResultStream()
                        .map(ProvisioningEntryEntity::toDomain)
                        .toList(),
                page.page(),
                page.size(),
                count.getSingleResult());
    }

    @Override
    public int deleteBefore(Instant before) {
        return em.get()
                .createQuery("delete from ProvisioningEntryEntity e where e.at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
