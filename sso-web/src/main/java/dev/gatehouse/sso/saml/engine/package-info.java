/**
 * The SAML engine: hardened parsing, enveloped-signature verification by the SAML signature profile, response
 * validation, and the messages Gatehouse sends. Plain Java on Santuario; no servlet or pac4j types.
 */
package dev.gatehouse.sso.saml.engine;
