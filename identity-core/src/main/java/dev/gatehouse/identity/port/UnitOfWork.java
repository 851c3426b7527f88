package dev.gatehouse.identity.port;

import java.util.function.Supplier;

/**
 * Runs work in one transaction: everything the work did through the repositories is committed together or not at all.
 * Work started inside a unit of work joins it. A unique-key or lock collision with a concurrent transaction surfaces as
 * {@link dev.gatehouse.identity.application.ConflictException}.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
