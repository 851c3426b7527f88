/**
 * State of sign-in exchanges that outlives a request, for every protocol: outstanding requests (SAML request IDs,
 * OpenID Connect states with their nonce and PKCE verifier) and the replay cache. Behind {@link
 * dev.gatehouse.sso.signin.state.SignInStateStore}, so that a cluster can share it.
 */
package dev.gatehouse.sso.signin.state;
