/**
 * The ports adapters implement: repositories named for their domain role (the JPA adapters live in sso-web), the audit
 * log, the clock. Calls happen inside a transaction the caller opened; a repository never commits by itself.
 */
package dev.gatehouse.identity.port;
