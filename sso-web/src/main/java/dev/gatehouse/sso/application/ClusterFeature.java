package dev.gatehouse.sso.application;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.persistence.JpaLeases;
import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.sso.cluster.Change;
import dev.gatehouse.sso.cluster.Cluster;
import dev.gatehouse.sso.cluster.SingleNode;
import dev.gatehouse.sso.cluster.grid.GridLookup;
import dev.gatehouse.sso.config.GatehouseSettings;
import dev.gatehouse.sso.metrics.Metrics;
import dev.gatehouse.sso.security.StorageClientFilter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's cluster: {@link SingleNode} unless {@code gatehouse.cluster.enabled}, then the server's data grid. A change
 * committed here drops, on every node, the decision index of its site or the storage client it names; scheduled work
 * that must run once for the whole cluster goes through {@link #oncePerCluster}. Produces {@link Cluster}.
 */
@ApplicationScoped
public class ClusterFeature {
    private static final Logger LOG = Logger.getLogger(ClusterFeature.class.getName());

    @Inject
    PlatformFeature platform;

    @Inject
    StorageFeature storage;

    private Cluster cluster;
    private Leases leases;

    synchronized Cluster started() {
        if (cluster != null) {
            return cluster;
        }
        GatehouseSettings settings = platform.settings();
        leases = new JpaLeases(platform.transactions()::entityManager, platform.transactions());
        Cluster.Receiver receiver = new Cluster.Receiver() {
            @Override
            public void apply(Change change) {
                switch (change.kind()) {
                    case SITE -> storage.decisions().invalidate(new SiteId(UUID.fromString(change.key())));
                    case STORAGE_CLIENT -> StorageClientFilter.forget(UUID.fromString(change.key()));
                }
            }

            @Override
            public void dropAll() {
                storage.decisions().invalidateAll();
                StorageClientFilter.forgetAll();
            }
        };
        if (settings.cluster().enabled()) {
            cluster = GridLookup.join(
                    leases,
                    Nodes.name(),
                    receiver,
                    Duration.ofMillis(settings.cluster().confirmMillis()),
                    Clock.systemUTC());
        } else {
            cluster = new SingleNode(receiver);
        }
        Cluster registered = cluster;
        Metrics.gauge("gatehouse_grid_members", "Members of the data grid this node sees (1 alone)", () -> registered
                .members()
                .size());
        return cluster;
    }

    /** The cluster once this node has joined it; empty while the application starts. */
    public synchronized java.util.Optional<Cluster> joined() {
        return java.util.Optional.ofNullable(cluster);
    }

    @Produces
    public Cluster cluster() {
        return started();
    }

    /** Commits are done: drops what the change invalidates on every node, and records how long that took. */
    public void changed(Change change) {
        Cluster.Confirmation confirmation = started().changed(change);
        if (confirmation.awaited() > 0) {
            Metrics.time(
                    "gatehouse_invalidation_confirm",
                    "From a committed change to every other live node having dropped what it invalidates"
                            + " (nanoseconds)",
                    confirmation.took());
        }
    }

    /**
     * Wraps scheduled work that must run once per {@code period} for the whole cluster, not once per node: a node runs
     * it only when it takes the lease {@code schedule:<name>} (held for most of the period). Alone, it just runs.
     */
    public Runnable oncePerCluster(String name, Duration period, Runnable task) {
        return () -> {
            Cluster current = started();
            if (current.clustered()) {
                try {
                    Duration hold = period.minus(period.dividedBy(10));
                    if (!leases.acquire(
                            "schedule:" + name,
                            current.nodeId(),
                            hold,
                            Clock.systemUTC().instant())) {
                        return; // another node has run it in this period
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "schedule lease " + name + " taken by another node", e);
                    return;
                }
            }
            task.run();
        };
    }

    @PreDestroy
    synchronized void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
