/**
 * Gatehouse's identity domain: sites, users, groups, identity links, providers and audit events, with the ports that
 * adapters implement and the application services that enforce the business rules. Plain Java: nothing here may
 * depend on Jakarta EE, pac4j, an LDAP API or Hibernate (the build enforces it).
 */
package dev.gatehouse.identity;
