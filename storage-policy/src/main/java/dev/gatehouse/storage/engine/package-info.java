/**
 * The decision engine: an immutable per-site {@link dev.gatehouse.storage.engine.PolicyIndex} built from a
 * {@link dev.gatehouse.storage.engine.PolicySnapshot}, answering decisions without touching the database, and the
 * explainer that shows where every right comes from.
 */
package dev.gatehouse.storage.engine;
