package dev.gatehouse.sso.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a committed change reach every live node before it is answered, without a database read per decision.
 *
 * <p><b>Messages</b> (strings over the grid's topic, so that no class of the application travels): a change
 * {@code I|origin|seq|kind|key}, its confirmation {@code A|node|origin|seq}, a heartbeat {@code B|origin|seq} every
 * {@link #beatEvery()} carrying the origin's latest change number, and {@code L|origin} when a node stops.
 *
 * <p><b>Live nodes</b> are the nodes whose lease in the shared database has not expired ({@link #liveNodes}), not the
 * grid's member list: after a network split both halves of a grid see the other one gone, while the database still
 * tells that it runs.
 *
 * <p><b>Rules.</b>
 * <ol>
 *   <li>The origin applies the change, sends it, and waits until every live node has confirmed it, or for at most
 *       {@code fence + margin}.</li>
 *   <li>A node answers decisions ({@link #confirmed()}) only while it has heard from every live node within
 *       {@code fence}, and while its own lease is current. Messages from one origin arrive in order; so a node that
 *       hears a heartbeat or change numbered past what it applied has missed one and drops everything.</li>
 * </ol>
 * So when the origin stops waiting, every live node either applied the change, or heard nothing from the origin since
 * before it was sent and, {@code fence} later, stops answering decisions; it drops everything and rebuilds once it
 * hears again. A change is never answered while a node could still answer a decision from before it.
 */
public final class ChangeFence {
    private static final Logger LOG = Logger.getLogger(ChangeFence.class.getName());

    /** Sends a message to every node, this one included. */
    public interface Transport {
        void publish(String message);
    }

    private final String self;
    private final Transport transport;
    private final Cluster.Receiver receiver;
    private final LongSupplier nanoTime;
    private final long fenceNanos;
    private final long waitNanos;
    private final Object sending = new Object();
    private long sent; // guarded by sending
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private volatile Set<String> live = Set.of();
    private volatile long ownLeaseRenewed;
    private volatile boolean lastConfirmed = true; // written under this; read without a lock on every decision

    /**
     * @param fence how long a node may go without hearing from a live node (and without renewing its own lease) before
     *     it stops answering decisions
     */
    public ChangeFence(
            String self, Transport transport, Cluster.Receiver receiver, Duration fence, LongSupplier nanoTime) {
        this.self = self;
        this.transport = transport;
        this.receiver = receiver;
        this.nanoTime = nanoTime;
        this.fenceNanos = fence.toNanos();
        this.waitNanos = fenceNanos + Math.max(Duration.ofMillis(500).toNanos(), fenceNanos / 4);
        this.ownLeaseRenewed = nanoTime.getAsLong();
    }

    /** How often to call {@link #beat()}: six times per fence, so that a lost beat or two cost nothing. */
    public Duration beatEvery() {
        return Duration.ofNanos(fenceNanos / 6);
    }

    /** How long a node's lease should last: twice the fence, renewed at least every {@link #beatEvery()} doubled. */
    public Duration leaseTtl() {
        return Duration.ofNanos(2 * fenceNanos);
    }

    /** The other nodes whose lease is current, read from the database. */
    public void liveNodes(Collection<String> nodes) {
        Set<String> others = new HashSet<>(nodes);
        others.remove(self);
        live = Set.copyOf(others);
        peers.keySet().retainAll(others); // a node that comes back starts from scratch
        pending.forEach(p -> p.retain(others));
    }

    /** This node renewed its own lease just now. */
    public void ownLeaseRenewed() {
        ownLeaseRenewed = nanoTime.getAsLong();
    }

    public Set<String> liveNodes() {
        return live;
    }

    /** See {@link Cluster#changed}. */
    public Cluster.Confirmation changed(Change change) {
        long started = nanoTime.getAsLong();
        receiver.apply(change);
        Set<String> awaited = live;
        Pending waiting = new Pending(awaited);
        pending.add(waiting);
        try {
            long seq;
            synchronized (sending) {
                seq = ++sent;
                waiting.seq = seq;
                publish("I|" + self + "|" + seq + "|" + change.kind() + "|" + change.key());
            }
            List<String> missing = waiting.await(waitNanos, nanoTime);
            if (!missing.isEmpty()) {
                LOG.warning(() -> "Node(s) " + missing + " did not confirm change " + seq + " within "
                        + Duration.ofNanos(waitNanos).toMillis() + " ms; they answer decisions with 503 until they"
                        + " hear from this node again and have rebuilt");
            }
            return new Cluster.Confirmation(Duration.ofNanos(nanoTime.getAsLong() - started), awaited.size(), missing);
        } finally {
            pending.remove(waiting);
        }
    }

    /** Sends this node's heartbeat with its latest change number. */
    public void beat() {
        synchronized (sending) {
            publish("B|" + self + "|" + sent);
        }
    }

    /** Tells the others this node stops: they no longer wait for it. */
    public void leave() {
        publish("L|" + self);
    }

    /** Handles a message of any node (this node's own included). */
    public void receive(String message) {
        String[] parts = message.split("\\|", 5);
        try {
            switch (parts[0]) {
                case "I" -> change(
                        parts[1], Long.parseLong(parts[2]), new Change(Change.Kind.valueOf(parts[3]), parts[4]));
                case "B" -> beat(parts[1], Long.parseLong(parts[2]));
                case "A" -> confirmation(parts[1], parts[2], Long.parseLong(parts[3]));
                case "L" -> left(parts[1]);
                default -> LOG.fine(() -> "unknown cluster message kind " + parts[0]);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A cluster message could not be handled; dropping everything to be safe", e);
            receiver.dropAll();
        }
    }

    /**
     * Whether this node heard from every live node within the fence and renewed its lease: only then may it answer
     * decisions from memory. Entering or leaving that state drops everything.
     */
    public boolean confirmed() {
        long now = nanoTime.getAsLong();
        boolean confirmed = now - ownLeaseRenewed <= fenceNanos;
        if (confirmed) {
            for (String node : live) {
                Peer peer = peers.get(node);
                if (peer == null || peer.applied < 0 || now - peer.heard > fenceNanos) {
                    confirmed = false;
                    break;
                }
            }
        }
        if (confirmed != lastConfirmed) {
            transition(confirmed);
        }
        return confirmed;
    }

    private synchronized void transition(boolean confirmed) {
        if (confirmed == lastConfirmed) {
            return;
        }
        lastConfirmed = confirmed;
        receiver.dropAll();
        if (confirmed) {
            LOG.info("This node hears every live node of the cluster again; decisions are answered (indexes rebuilt)");
        } else {
            LOG.warning("This node has not heard from every live node of the cluster (or renewed its lease) for "
                    + Duration.ofNanos(fenceNanos).toMillis() + " ms; decisions answer 503 until it has");
        }
    }

    private void change(String origin, long seq, Change change) {
        if (origin.equals(self)) {
            return;
        }
        Peer peer = peers.computeIfAbsent(origin, o -> new Peer());
        synchronized (peer) {
            if (peer.applied < 0 || seq > peer.applied + 1) {
                receiver.dropAll(); // first word from this node, or one of its changes was missed
            } else {
                receiver.apply(change);
            }
            peer.applied = Math.max(peer.applied, seq);
            peer.heard = nanoTime.getAsLong();
        }
        publish("A|" + self + "|" + origin + "|" + seq);
    }

    private void beat(String origin, long seq) {
        if (origin.equals(self)) {
            return;
        }
        Peer peer = peers.computeIfAbsent(origin, o -> new Peer());
        synchronized (peer) {
            if (peer.applied < 0 || seq > peer.applied) {
                receiver.dropAll();
                peer.applied = seq;
            }
            peer.heard = nanoTime.getAsLong();
        }
    }

    private void confirmation(String node, String origin, long seq) {
        if (origin.equals(self)) {
            pending.forEach(p -> p.confirm(seq, node));
        }
    }

    private void left(String origin) {
        if (origin.equals(self)) {
            return;
        }
        Set<String> others = new HashSet<>(live);
        if (others.remove(origin)) {
            liveNodes(others);
        }
    }

    private void publish(String message) {
        try {
            transport.publish(message);
        } catch (RuntimeException e) {
            // the nodes that miss it stop answering decisions after the fence: that is what the fence is for
            LOG.log(Level.WARNING, "A cluster message could not be sent: " + e.getMessage(), e);
        }
    }

    private static final class Peer {
        long applied = -1;
        long heard;
    }

    private static final class Pending {
        private final Set<String> waiting;
        volatile long seq = -1;

        Pending(Set<String> nodes) {
            this.waiting = new HashSet<>(nodes);
        }

        synchronized void confirm(long confirmed, String node) {
            if (confirmed == seq && waiting.remove(node) && waiting.isEmpty()) {
                notifyAll();
            }
        }

        synchronized void retain(Set<String> nodes) {
            if (waiting.retainAll(nodes) && waiting.isEmpty()) {
                notifyAll();
            }
        }

        synchronized List<String> await(long nanos, LongSupplier nanoTime) {
            long deadline = nanoTime.getAsLong() + nanos;
            while (!waiting.isEmpty()) {
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(waiting);
        }
    }
}
