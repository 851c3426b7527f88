package dev.gatehouse.directory.ejb;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The directory's long-running work, run by the container: the sync schedule and the membership health check on its
 * timers, join and leave jobs on its asynchronous threads. The EAR deploys this module as an EJB module; the Micro
 * bundle carries it inside its WAR, where the same bean runs (EJB in a web application).
 *
 * <p>The timers are not persistent and fire on every node; the work they run takes a lease in the shared database
 * first, so a site's sync runs once however many nodes there are. The web module registers what to run.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DirectoryWork {
    private static final Logger LOG = Logger.getLogger(DirectoryWork.class.getName());

    private final List<Runnable> everyMinute = new CopyOnWriteArrayList<>();
    private final List<Runnable> hourly = new CopyOnWriteArrayList<>();

    /** Runs {@code task} once a minute (the sync schedule asks which sites are due). */
    public void everyMinute(Runnable task) {
        everyMinute.add(task);
    }

    /** Runs {@code task} once an hour (the membership health check). */
    public void hourly(Runnable task) {
        hourly.add(task);
    }

    /** Runs a join or leave job on one of the container's threads; returns at once. */
    @Asynchronous
    public void run(Runnable job) {
        quietly(job);
    }

    @Schedule(hour = "*", minute = "*", persistent = false, info = "directory sync schedule")
    void minute() {
        everyMinute.forEach(DirectoryWork::quietly);
    }

    @Schedule(hour = "*", minute = "17", persistent = false, info = "directory membership health")
    void hour() {
        hourly.forEach(DirectoryWork::quietly);
    }

    private static void quietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // a timer whose callback throws may be cancelled by the container: log and go on
            LOG.log(Level.WARNING, "Directory work failed: " + e.getMessage(), e);
        }
    }
}
