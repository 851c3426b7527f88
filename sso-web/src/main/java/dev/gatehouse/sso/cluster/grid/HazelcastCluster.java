package dev.gatehouse.sso.cluster.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.gatehouse.identity.credential.FailureCounts;
import dev.gatehouse.identity.port.Leases;
import dev.gatehouse.sso.cluster.Change;
import dev.gatehouse.sso.cluster.ChangeFence;
import dev.gatehouse.sso.cluster.Cluster;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster over the server's Hazelcast member: {@link ChangeFence} messages on the topic {@value #TOPIC}, each
 * node's liveness as a lease {@code cluster-node:<member UUID>} in the shared database, sign-in state and login
 * throttles in maps named {@code gatehouse-*} (one synchronous backup, Hazelcast's default).
 */
public final class HazelcastCluster implements Cluster {
    private static final Logger LOG = Logger.getLogger(HazelcastCluster.class.getName());
    static final String TOPIC = "gatehouse-changes";
    private static final String NODE_LEASE = "cluster-node:";

    private final HazelcastInstance grid;
    private final Leases leases;
    private final String nodeName;
    private final Clock clock;
    private final String nodeId;
    private final ITopic<String> topic;
    private final UUID subscription;
    private final ChangeFence fence;
    private final GridSignInStateStore signInStates;
    private final Map<String, FailureCounts> failureCounts = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "gatehouse-cluster");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Joins: listens to the other nodes' changes first, then takes this node's lease and starts its heartbeat. Call
     * before this node answers any decision.
     *
     * @param nodeName how logs and the lease's holder name this node
     * @param fence see {@code gatehouse.cluster.confirm-millis}
     */
    public HazelcastCluster(
            HazelcastInstance grid, Leases leases, String nodeName, Receiver receiver, Duration fence, Clock clock) {
        this.grid = grid;
        this.leases = leases;
        this.nodeName = nodeName;
        this.clock = clock;
        this.nodeId = grid.getCluster().getLocalMember().getUuid().toString();
        boundThrottleMaps(grid);
        this.topic = grid.getTopic(TOPIC);
        this.fence = new ChangeFence(nodeId, topic::publish, receiver, fence, System::nanoTime);
        this.subscription = topic.addMessageListener(message -> this.fence.receive(message.getMessageObject()));
        this.signInStates = new GridSignInStateStore(
                grid.getMap("gatehouse-signin-requests"), grid.getMap("gatehouse-signin-used"));
        renewLease();
        // the server may stop its grid before the application: leave while the grid still carries the message
        grid.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
                leave();
            }
        });
        long beat = this.fence.beatEvery().toMillis();
        timer.scheduleWithFixedDelay(this::beat, 0, beat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::renewLease, 2 * beat, 2 * beat, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Joined the cluster as node " + nodeId + " (" + nodeName + "); grid members: "
                + members().size());
    }

    /**
     * Anyone can fail a sign-in, so the throttles' maps are capped: at most 100,000 keys per node, the least recently
     * used evicted first. The sign-in maps need no cap: requests are
     * admitted within each node's budgets, and only validly signed assertions are recorded as used.
     */
    private static void boundThrottleMaps(HazelcastInstance grid) {
        try {
            grid.getConfig()
                    .addMapConfig(new com.hazelcast.config.MapConfig("gatehouse-throttle-*")
                            .setEvictionConfig(new com.hazelcast.config.EvictionConfig()
                                    .setEvictionPolicy(com.hazelcast.config.EvictionPolicy.LRU)
                                    .setMaxSizePolicy(com.hazelcast.config.MaxSizePolicy.PER_NODE)
                                    .setSize(100_000)));
        } catch (RuntimeException e) {
            // the grid's own configuration names these maps differently (adding the same one twice is no error)
            LOG.log(Level.WARNING, "The login throttles' maps keep the grid's own configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public List<Cluster.Member> members() {
        return grid.getCluster().getMembers().stream()
                .map(m -> new Cluster.Member(
                        m.getUuid().toString(),
                        m.getAddress().getHost() + ":" + m.getAddress().getPort(),
                        m.localMember()))
                .sorted(Comparator.comparing(Cluster.Member::address))
                .toList();
    }

    /** The other nodes whose lease in the database is current. */
    public java.util.Set<String> liveNodes() {
        return fence.liveNodes();
    }

    @Override
    public Confirmation changed(Change change) {
        return fence.changed(change);
    }

    @Override
    public boolean confirmed() {
        return fence.confirmed();
    }

    @Override
    public SignInStateStore signInStates() {
        return signInStates;
    }

    @Override
    public FailureCounts failureCounts(String name) {
        return failureCounts.computeIfAbsent(name, n -> new GridFailureCounts(grid.getMap("gatehouse-throttle-" + n)));
    }

    @Override
    public void close() {
        leave();
    }

    /**
     * Tells the other nodes this one stops and gives its lease up, so that they stop waiting for it at once (a node that
     * dies without this is waited for until its lease expires).
     */
    private void leave() {
        if (!left.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        try {
            fence.leave();
            topic.removeMessageListener(subscription);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the grid is gone already", e);
        }
        try {
            leases.release(NODE_LEASE + nodeId, nodeName);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the database is gone already", e);
        }
        LOG.info(() -> "Left the cluster (node " + nodeId + ")");
    }

    private void beat() {
        try {
            fence.beat();
            fence.confirmed(); // notices (and logs) a change of state even when no decision is asked
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The cluster heartbeat failed: " + e.getMessage(), e);
        }
    }

    private void renewLease() {
        try {
            if (leases.acquire(NODE_LEASE + nodeId, nodeName, fence.leaseTtl(), clock.instant())) {
                fence.ownLeaseRenewed();
            }
            fence.liveNodes(leases.held(NODE_LEASE, clock.instant()).stream()
                    .map(name -> name.substring(NODE_LEASE.length()))
                    .toList());
        } catch (RuntimeException e) {
            // without a current lease this node stops answering decisions after the fence
            LOG.log(Level.WARNING, "This node's cluster lease could not be renewed: " + e.getMessage(), e);
        }
    }
}
