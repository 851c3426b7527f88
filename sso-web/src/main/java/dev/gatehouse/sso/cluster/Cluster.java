package dev.gatehouse.sso.cluster;

import dev.gatehouse.identity.credential.FailureCounts;
import dev.gatehouse.sso.signin.state.SignInStateStore;
import java.time.Duration;
import java.util.List;

/**
 * This node's view of the nodes that share its database. Everything a node derives from the database and keeps in
 * memory (decision indexes, admitted storage clients) is dropped through {@link #changed}; everything that only lives
 * in memory and must be shared (sign-in state, login throttles) comes from here.
 */
public interface Cluster extends AutoCloseable {
    /** Whether other nodes may share the database (a cluster was configured), even when none runs right now. */
    boolean clustered();

    /** This node's ID in the cluster (changes on every start). */
    String nodeId();

    /** The members this node sees, itself included. */
    List<Member> members();

    /**
     * Drops what the change invalidates on this node, then on every other live node, and returns once every live node
     * has confirmed it, or once the nodes that did not have stopped answering decisions (see {@link ChangeFence}).
     * Call after the change is committed.
     */
    Confirmation changed(Change change);

    /**
     * Whether this node may answer decisions from what it holds in memory: it has heard from every live node recently
     * and so cannot have missed a change. When {@code false}, decisions answer 503.
     */
    boolean confirmed();

    /** The sign-in state store every node uses. */
    SignInStateStore signInStates();

    /** The failure counts of the login throttle named {@code name}, shared by every node. */
    FailureCounts failureCounts(String name);

    @Override
    void close();

    /**
     * A member of the cluster.
     *
     * @param address host and port of its data grid endpoint; empty for a single node
     * @param self whether it is this node
     */
    record Member(String id, String address, boolean self) {}

    /**
     * How a change was confirmed.
     *
     * @param took from sending the change to the last confirmation (or to giving up)
     * @param awaited how many other nodes were live and asked to confirm
     * @param unconfirmed the nodes that did not confirm in time; they answer decisions with 503 until they have
     *     rebuilt
     */
    record Confirmation(Duration took, int awaited, List<String> unconfirmed) {
        public static final Confirmation LOCAL = new Confirmation(Duration.ZERO, 0, List.of());
    }

    /** What the cluster does on this node when a change arrives, or when the node must assume it missed one. */
    interface Receiver {
        void apply(Change change);

        /** Drops everything that any change could invalidate: the node will rebuild from the database. */
        void dropAll();
    }
}
