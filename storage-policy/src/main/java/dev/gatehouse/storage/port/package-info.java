/** The storage-policy port; its JPA adapter is {@link dev.gatehouse.storage.persistence.JpaStoragePolicyRepository}. */
package dev.gatehouse.storage.port;
