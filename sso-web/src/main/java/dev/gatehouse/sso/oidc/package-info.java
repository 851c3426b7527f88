/**
 * OpenID Connect and OAuth sign-in with Entra ID. So far the providers' settings and their checks (Entra's tenant and
 * client ID rules); the protocol registers itself with the sign-in registry when its client and callback exist.
 */
package dev.gatehouse.sso.oidc;
