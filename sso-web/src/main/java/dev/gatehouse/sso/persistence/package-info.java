/**
 * The application's persistence unit, bundled and bootstrapped by the application (see docs/adr/0002-persistence.md):
 * a HikariCP pool, the Flyway migrations of every module applied before Hibernate validates the schema, and
 * transactions demarcated by {@link dev.gatehouse.sso.persistence.Transactions}, the {@code UnitOfWork} of the
 * services. The entities and adapters live beside their domains in each module's {@code persistence} package.
 */
package dev.gatehouse.sso.persistence;
