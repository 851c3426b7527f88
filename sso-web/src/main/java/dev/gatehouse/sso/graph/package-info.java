/**
 * Microsoft Graph, as every protocol that signs in Entra users needs it: the groups of a user whose token had too many
 * to carry (the overage), and the display names of groups created just in time. Graph is reached through
 * {@link dev.gatehouse.sso.outbound.OutboundHttp} with the provider app's client credentials.
 */
package dev.gatehouse.sso.graph;
