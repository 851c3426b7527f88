/** The SAML SP endpoints (metadata, login, ACS, single logout), relay-state routing and the pages users see. */
package dev.gatehouse.sso.saml.web;
