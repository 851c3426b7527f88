package dev.gatehouse.sso.cluster.grid;

import com.hazelcast.core.HazelcastInstance;
import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.sso.cluster.Cluster;
import java.time.Clock;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the server's data grid. A class of its own so that servers without Hazelcast (WildFly) never load a class that
 * names it.
 */
public final class GridLookup {
    /** Payara's JNDI name of its Hazelcast member. */
    public static final String JNDI_NAME = "payara/Hazelcast";

    private GridLookup() {}

    /**
     * @throws IllegalStateException naming the setting and the fix when the server offers no data grid
     */
    public static Cluster join(Leases leases, String nodeName, Cluster.Receiver receiver, Duration fence, Clock clock) {
        HazelcastInstance grid;
        try {
            grid = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("gatehouse.cluster.enabled is true but this server offers no data grid at"
                    + " JNDI " + JNDI_NAME + " (" + e.getClass().getSimpleName() + "); run the cluster on Payara Micro"
                    + " or Payara Server with Hazelcast on (Payara Micro: with the cluster options of"
                    + " docs/operations.md), or set gatehouse.cluster.enabled=false for a single node");
        }
        if (grid == null || !grid.getLifecycleService().isRunning()) {
            throw new IllegalStateException("gatehouse.cluster.enabled is true but the server's data grid is not"
                    + " running; start the server with Hazelcast on (see docs/operations.md)");
        }
        return new HazelcastCluster(grid, leases, nodeName, receiver, fence, clock);
    }
}
