package dev.gatehouse.sso.application;

import dev.gatehouse.sso.persistence.Database;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Asks the database every {@value #PERIOD_MILLIS} ms whether it answers, so that the decision API can refuse at once
 * (503) while it does not, instead of answering from an index it can no longer keep current.
 */
final class DatabaseProbe implements AutoCloseable {
    static final long PERIOD_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

    private final Database database;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gatehouse-database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean up = true;

    DatabaseProbe(Database database) {
        this.database = database;
        timer.scheduleWithFixedDelay(this::probe, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean isUp() {
        return up;
    }

    private void probe() {
        boolean reachable = database.isReachable();
        if (reachable != up) {
            LOG.warning(
                    reachable ? "The database answers again" : "The database does not answer; decisions are denied");
        }
        up = reachable;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
