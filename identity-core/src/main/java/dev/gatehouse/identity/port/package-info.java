/**
 * The ports adapters implement: repositories named for their domain role (their JPA adapters are in
 * {@code dev.gatehouse.identity.persistence}), the audit log, the unit of work, the settings format of each provider
 * kind, and the listener told when identities changed. Calls happen inside a unit of work the caller opened; a
 * repository never commits by itself.
 */
package dev.gatehouse.identity.port;
