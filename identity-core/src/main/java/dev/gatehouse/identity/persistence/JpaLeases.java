package dev.gatehouse.identity.persistence;

import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.identity.port.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Leases as rows of the shared database, each taken under a row lock ({@code select … for update}) in its own
 * transaction: two nodes asking at once are serialised by the database, and a lease whose holder died expires.
 */
public final class JpaLeases implements Leases {
    private final Supplier<EntityManager> em;
    private final UnitOfWork work;

    public JpaLeases(Supplier<EntityManager> em, UnitOfWork work) {
        this.em = em;
        this.work = work;
    }

    @Override
    public boolean acquire(String name, String holder, Duration ttl, Instant now) {
        return work.inTransaction(() -> {
            LeaseEntity lease = em.get().find(LeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (lease == null) {
                lease = new LeaseEntity(name);
                take(lease, holder, ttl, now);
                em.get().persist(lease);
                em.get().flush(); // a simultaneous first insert by another holder fails here, not later
                return true;
            }
            if (lease.holder.equals(holder) || !lease.expiresAt.isAfter(now)) {
                take(lease, holder, ttl, now);
                return true;
            }
            return false;
        });
    }

    @Override
    public void release(String name, String holder) {
        work.run(() -> {
            LeaseEntity lease = em.get().find(LeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (lease != null && lease.holder.equals(holder)) {
                em.get().remove(lease);
            }
        });
    }

    @Override
    public java.util.List<String> held(String prefix, Instant now) {
        return work.inTransaction(() -> em.get()
                .createQuery(
                        "select l.name from LeaseEntity l where l.name like :prefix and l.expiresAt > :now",
                        String.class)
                .setParameter("prefix", prefix + "%")
                .setParameter("now", now)
                .getResultStream()
                .filter(name -> name.startsWith(prefix)) // '_' and '%' in the prefix match themselves only
                .toList());
    }

    private static void take(LeaseEntity lease, String holder, Duration ttl, Instant now) {
        lease.holder = holder;
        lease.acquiredAt = now;
        lease.expiresAt = now.plus(ttl);
    }
}
