package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditQuery;
import dev.gatehouse.identity.domain.Page;
import dev.gatehouse.identity.port.AuditLog;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

public final class JpaAuditLog implements AuditLog {
    private final Transactions tx;

    public JpaAuditLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEvent event) {
        tx.entityManager().persist(new AuditEventEntity(event));
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
        TypedQuery<Long> count =
                tx.entityManager().createQuery("select count(e) from AuditEventEntity e" + where, Long.class);
        TypedQuery<AuditEventEntity> select = tx.entityManager()
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
