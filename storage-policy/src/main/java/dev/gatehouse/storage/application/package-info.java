/**
 * Storage-policy use cases: administrators change folders, entries and quotas ({@link
 * dev.gatehouse.storage.application.StoragePolicyService}); storage servers ask for decisions and report usage
 * ({@link dev.gatehouse.storage.application.DecisionService}), authenticated as a {@link
 * dev.gatehouse.storage.application.StorageClients site client}.
 */
package dev.gatehouse.storage.application;
