/**
 * The protocol-neutral side of sign-in: the registry of sign-in protocols by provider kind, which the providers API,
 * the console, the login page and logout iterate without naming a protocol, and the web adapter of the identity
 * pipeline that turns its outcome into a new session or a page a user understands. A protocol package (SAML, later
 * OIDC) extracts and validates, then hands over here.
 */
package dev.gatehouse.sso.signin;
