/** The pac4j client for SAML providers: redirection, credentials (the validated assertion) and the profile. */
package dev.gatehouse.sso.saml.client;
