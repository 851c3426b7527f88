package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.port.AuditLog;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

public final class JpaAuditLog implements AuditLog {
    private final Supplier<EntityManager> em;

    public JpaAuditLog(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public void append(AuditEvent event) {
        em.get().persist(new AuditEventEntity(event));
    }

    @Override
    public long deleteOlderThan(java.time.Instant cutoff) {
        return em.get()
                .createQuery("delete from AuditEventEntity e where e.at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    @Override
    public Page<AuditEvent> query(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.site() != null) {
            where.append(" and e.siteId = :site");
            parameters.put("site", query.site().value());
        }
        if (query.from() != null) {
            where.append(" and e.at >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.at < :to");
            parameters.put("to", query.to());
        }
        if (query.actor() != null) {
            where.append(" and e.actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.type() != null) {
            where.append(" and e.type = :type");
            parameters.put("type", query.type().name());
        }
        TypedQuery<Long> count = em.get().createQuery("select count(e) from AuditEventEntity e" + where, Long.class);
        TypedQuery<AuditEventEntity> select = em.get()
                .createQuery(
                        "select e from AuditEventEntity e" + where + " order by e.at desc, e.id",
                        AuditEventEntity.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        var page = query.pageRequest();
        var items = select.setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(AuditEventEntity::toDomain)
                .toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }
}
