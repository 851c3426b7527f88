/**
 * The JPA adapter of the identity ports: entities (persistence shapes only) and the {@code Jpa…Repository} classes that
 * translate them to and from the domain records. The entity manager comes from the caller's unit of work; the schema
 * is this module's migrations ({@link dev.gatehouse.identity.persistence.IdentityPersistence#MIGRATIONS}). The only
 * package of this module that may use Jakarta Persistence.
 */
package dev.gatehouse.identity.persistence;
