package dev.gatehouse.sso.application;

import dev.gatehouse.directory.ejb.DirectoryWork;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the directory's scheduled and background work runs: on the container's EJB timers and asynchronous threads
 * ({@link DirectoryWork}, the EJB of directory-connector), or, on a server profile without an EJB container (WildFly's
 * {@code standalone-microprofile.xml}), on threads of Gatehouse's own.
 */
interface DirectoryRunner {
    Logger LOG = Logger.getLogger(DirectoryRunner.class.getName());

    void everyMinute(Runnable task);

    void hourly(Runnable task);

    /** Runs a job in the background; returns at once. */
    void run(Runnable job);

    /** Stops what this runner started itself (the container stops its own). */
    default void stop() {}

    /** The EJB when the server deployed it (by its portable JNDI name), else own threads. */
    static DirectoryRunner find() {
        List<String> names = List.of("java:module/DirectoryWork", "java:app/directory-connector/DirectoryWork");
        for (String name : names) {
            try {
                DirectoryWork work = (DirectoryWork) javax.naming.InitialContext.doLookup(name);
                LOG.fine(() -> "Directory work runs on the EJB container (" + name + ")");
                return new DirectoryRunner() {
                    @Override
                    public void everyMinute(Runnable task) {
                        work.everyMinute(task);
                    }

                    @Override
                    public void hourly(Runnable task) {
                        work.hourly(task);
                    }

                    @Override
                    public void run(Runnable job) {
                        work.run(job);
                    }
                };
            } catch (javax.naming.NamingException | ClassCastException notThere) {
                // the other packaging, or no EJB container
            }
        }
        LOG.info("The server has no EJB container: the directory sync schedule and join jobs run on Gatehouse's own"
                + " threads");
        return new OwnThreads();
    }

    /** The same work on a scheduled executor of its own. */
    final class OwnThreads implements DirectoryRunner {
        private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "gatehouse-directory-work");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        public void everyMinute(Runnable task) {
            executor.scheduleWithFixedDelay(() -> quietly(task), 1, 1, TimeUnit.MINUTES);
        }

        @Override
        public void hourly(Runnable task) {
            executor.scheduleWithFixedDelay(() -> quietly(task), 17, 60, TimeUnit.MINUTES);
        }

        @Override
        public void run(Runnable job) {
            executor.execute(() -> quietly(job));
        }

        @Override
        public void stop() {
            executor.shutdownNow();
        }

        private static void quietly(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Directory work failed: " + e.getMessage(), e);
            }
        }
    }
}
