/**
 * Persistence of the identity domain with Hibernate ORM, bundled and bootstrapped by the application (see
 * docs/adr/0002-persistence.md): a HikariCP pool, Flyway migrations applied before Hibernate validates the schema, and
 * transactions demarcated by {@link dev.gatehouse.sso.persistence.Transactions}. Entities here are persistence shapes
 * only; the {@code Jpa…Repository} adapters translate them to and from the domain records of identity-core.
 */
package dev.gatehouse.sso.persistence;
