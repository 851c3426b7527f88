/**
 * Requests to servers an administrator named: identity providers' metadata, discovery documents, keys and token
 * endpoints, Microsoft Graph. One guarded HTTP client for all of them ({@link dev.gatehouse.sso.outbound.OutboundHttp}).
 */
package dev.gatehouse.sso.outbound;
