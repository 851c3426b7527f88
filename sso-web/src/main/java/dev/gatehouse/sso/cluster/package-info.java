/**
 * Several nodes sharing one database: what they must share beyond it. {@link dev.gatehouse.sso.cluster.Cluster} is a
 * node's view of its cluster (members, the shared sign-in state and login throttles, changes that every node must
 * confirm); {@link dev.gatehouse.sso.cluster.SingleNode} is the default of one node alone, {@code grid} the cluster over
 * the server's data grid. {@link dev.gatehouse.sso.cluster.ChangeFence} is the protocol that makes a committed change
 * reach every live node before it is answered, or makes the node that cannot confirm stop answering decisions.
 */
package dev.gatehouse.sso.cluster;
