/**
 * The JPA adapter of the storage-policy port. Its entities join the application's persistence unit (listed in
 * {@link dev.gatehouse.storage.persistence.JpaStoragePolicyRepository#ENTITIES}); the schema is this module's
 * migration {@code db/storage/V2__storage_policy.sql}
 * ({@link dev.gatehouse.storage.persistence.JpaStoragePolicyRepository#MIGRATIONS}). The entity manager comes from the caller's transaction.
 */
package dev.gatehouse.storage.persistence;
