/** From a pac4j profile to a Gatehouse identity: the single mapping shared by SAML, OIDC and OAuth. */
package dev.gatehouse.sso.identity;
