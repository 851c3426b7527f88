/**
 * The JPA adapter of the SAML metadata cache: the last good IdP metadata of each provider. Its table was created by
 * migration V3 (of the identity module, which created the Entra group tables in the same step).
 */
package dev.gatehouse.sso.saml.persistence;
