/** The SCIM endpoint: routing, the SCIM token check, conditional requests and the provisioning log. */
package dev.gatehouse.sso.scim.web;
