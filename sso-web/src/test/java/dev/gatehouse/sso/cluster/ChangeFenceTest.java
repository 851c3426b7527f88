package dev.gatehouse.sso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The change fence between nodes joined by an in-memory topic that can cut a node off: a change is answered once every
 * live node applied it, or once a node that did not has stopped answering decisions.
 */
class ChangeFenceTest {
    private static final Duration FENCE = Duration.ofMillis(300);

    /** A node: its fence and what its receiver saw. */
    final class Node implements Cluster.Receiver {
        final String id;
        final ChangeFence fence;
        final List<Change> applied = new CopyOnWriteArrayList<>();
        int dropped;

        Node(String id) {
            this.id = id;
            this.fence = new ChangeFence(id, topic::publish, this, FENCE, clock::get);
        }

        @Override
        public void apply(Change change) {
            applied.add(change);
        }

        @Override
        public synchronized void dropAll() {
            dropped++;
        }
    }

    /** Delivers every message to every node at once, except to the nodes cut off. */
    final class Topic {
        final Map<String, Node> nodes = new ConcurrentHashMap<>();
        final Set<String> cut = ConcurrentHashMap.newKeySet();

        void publish(String message) {
            for (Node node : new ArrayList<>(nodes.values())) {
                String from = message.split("\\|")[1];
                if (!cut.contains(node.id) && !cut.contains(from)) {
                    node.fence.receive(message);
                }
            }
        }
    }

    final AtomicLong clock = new AtomicLong(System.nanoTime());
    final Topic topic = new Topic();

    Node node(String id) {
        Node node = new Node(id);
        topic.nodes.put(id, node);
        return node;
    }

    /** Both nodes know each other as live and have exchanged heartbeats. */
    void live(Node... nodes) {
        List<String> ids = java.util.Arrays.stream(nodes).map(n -> n.id).toList();
        for (Node node : nodes) {
            node.fence.liveNodes(ids);
            node.fence.ownLeaseRenewed();
        }
        for (Node node : nodes) {
            node.fence.beat();
        }
    }

    @Test
    void aChangeIsAppliedOnEveryLiveNodeBeforeItIsAnswered() {
        Node a = node("a");
        Node b = node("b");
        live(a, b);
        assertThat(a.fence.confirmed()).isTrue();
        assertThat(b.fence.confirmed()).isTrue();

        Cluster.Confirmation confirmation = a.fence.changed(Change.site("site-1"));

        assertThat(confirmation.unconfirmed()).isEmpty();
        assertThat(a.applied).containsExactly(Change.site("site-1"));
        assertThat(b.applied).containsExactly(Change.site("site-1"));
        assertThat(b.fence.confirmed()).isTrue();
    }

    @Test
    void aNodeCutOffDoesNotConfirmAndStopsAnsweringDecisionsBeforeTheChangeIsAnswered() {
        clock.set(0);
        Node a = node("a");
        Node b = node("b");
        live(a, b);
        topic.cut.add("b");

        // the fence waits on real time; the nodes' clocks follow it here
        Thread ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                clock.addAndGet(Duration.ofMillis(10).toNanos());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ticker.start();
        Cluster.Confirmation confirmation;
        try {
            confirmation = a.fence.changed(Change.site("site-1"));
        } finally {
            ticker.interrupt();
        }

        assertThat(confirmation.unconfirmed()).containsExactly("b");
        assertThat(b.applied).isEmpty();
        assertThat(confirmation.took()).isGreaterThan(FENCE);
        assertThat(b.fence.confirmed())
                .as("b has not heard from a for longer than the fence: it must not decide from its old index")
                .isFalse();
        int droppedWhenFenced = b.dropped;
        assertThat(droppedWhenFenced).isPositive();

        // the network heals: a's next heartbeat carries a number b never applied, so b drops everything and decides
        // again
        topic.cut.clear();
        b.fence.ownLeaseRenewed();
        a.fence.beat();
        assertThat(b.fence.confirmed()).isTrue();
        assertThat(b.dropped).isGreaterThan(droppedWhenFenced);
    }

    @Test
    void aNodeThatMissedAChangeDropsEverythingAtTheNextHeartbeat() {
        Node a = node("a");
        Node b = node("b");
        live(a, b);
        int before = b.dropped;
        topic.cut.add("b");
        a.fence.liveNodes(List.of("a")); // a does not wait for b here: only the heartbeat tells b
        a.fence.changed(Change.site("site-1"));
        topic.cut.clear();

        a.fence.beat();

        assertThat(b.applied).isEmpty();
        assertThat(b.dropped).isEqualTo(before + 1);
    }

    @Test
    void aNodeWithoutACurrentLeaseOrNotYetHeardFromAnswersNoDecisions() {
        Node a = node("a");
        Node b = node("b");
        a.fence.liveNodes(List.of("a", "b"));
        a.fence.ownLeaseRenewed();
        assertThat(a.fence.confirmed())
                .as("b is live but has not been heard from")
                .isFalse();
        b.fence.beat();
        assertThat(a.fence.confirmed()).isTrue();

        clock.addAndGet(FENCE.toNanos() + 1);
        b.fence.beat();
        assertThat(a.fence.confirmed())
                .as("a's own lease was not renewed within the fence")
                .isFalse();
    }

    @Test
    void aNodeThatLeavesIsNotWaitedFor() {
        Node a = node("a");
        Node b = node("b");
        live(a, b);
        b.fence.leave();
        topic.nodes.remove("b");

        Cluster.Confirmation confirmation = a.fence.changed(Change.storageClient("client-1"));

        assertThat(confirmation.unconfirmed()).isEmpty();
        assertThat(confirmation.took()).isLessThan(FENCE);
        assertThat(a.fence.liveNodes()).isEmpty();
    }
}
