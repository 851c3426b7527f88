/**
 * OpenID Connect and OAuth sign-in (provider kinds {@code oidc} and {@code oauth}), in the same shape as SAML:
 * {@code config} (settings and their storage), {@code engine} (discovery, keys, ID token validation: no servlet or
 * persistence type), {@code client} (the pac4j client: request, callback, profile) and {@code web} (the servlet and
 * the registry's protocol). Sign-ins end in the identity pipeline's sign-in completion.
 */
package dev.gatehouse.sso.oidc;
