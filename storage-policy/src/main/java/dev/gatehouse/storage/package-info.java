/**
 * Storage policy: shared folders, folder access entries, group privileges, quotas and the decision engine that
 * answers "may user U do A on path P". Depends on the identity domain for users and groups.
 */
package dev.gatehouse.storage;
