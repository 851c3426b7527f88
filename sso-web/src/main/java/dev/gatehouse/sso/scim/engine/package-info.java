/**
 * SCIM's JSON model: users and groups to and from {@code Provisioning}'s records, Entra's PATCH dialects reduced to RFC
 * 7644 operations, filters, projections and paging. Free of servlets and persistence.
 */
package dev.gatehouse.sso.scim.engine;
