/**
 * The cluster over the data grid the server carries (Hazelcast in Payara Micro and Payara Server, found at JNDI
 * {@code payara/Hazelcast}): the change fence's messages on a topic, sign-in state and login throttles in maps, node
 * liveness in the database's leases. Only strings, numbers and byte arrays travel through the grid, so that the grid
 * never needs Gatehouse's classes.
 */
package dev.gatehouse.sso.cluster.grid;
