package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.application.ConflictException;
import dev.gatehouse.identity.port.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Runs work in one database transaction, with the entity manager bound to the thread for the repositories. Work that
 * is already inside a transaction joins it. Any exception rolls everything back, so nothing is half-written;
 * connection failures become {@link DatabaseUnavailableException} and unique-key races a {@link ConflictException}.
 */
public final class Transactions implements UnitOfWork {
    private final Database database;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public Transactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager em;
        try {
            em = database.entityManagerFactory().createEntityManager();
        } catch (RuntimeException e) {
            throw translate(e);
        }
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.get();
            em.flush();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            throw translate(e);
        } finally {
            current.remove();
            em.close();
        }
    }

    /** The entity manager of the transaction this thread is in. */
    public EntityManager entityManager() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("repository used outside Transactions.inTransaction");
        }
        return em;
    }

    private static void rollbackQuietly(EntityTransaction tx, RuntimeException cause) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return new DatabaseUnavailableException(e);
            }
            if (t instanceof ConstraintViolationException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return new ConflictException(
                        null, "the change collides with a concurrent change; reload and try again");
            }
        }
        if (e instanceof PersistenceException && isConnectionProblem(e)) {
            return new DatabaseUnavailableException(e);
        }
        return e;
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
