/**
 * The web module: login pages, the admin console, the admin REST API, the SSO protocols (one package each:
 * {@code saml}, {@code oidc}, {@code oauth}) and the persistence of the identity domain.
 */
package dev.gatehouse.sso;
