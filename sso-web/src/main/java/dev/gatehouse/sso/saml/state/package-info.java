/** State of SAML exchanges that outlives a request: outstanding request IDs and the replay cache. */
package dev.gatehouse.sso.saml.state;
