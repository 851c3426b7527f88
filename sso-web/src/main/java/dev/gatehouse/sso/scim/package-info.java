/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) as Entra ID's provisioning client speaks it, in both its default dialect
 * and {@code aadOptscim062020}. {@code engine} turns SCIM JSON into {@code Provisioning}'s terms and back (UnboundID's
 * SCIM SDK parses filters and paths, evaluates filters and applies PATCH operations); {@code web} is the servlet at
 * {@code /scim/v2/<site>/…}: authentication by a site's SCIM token, ETags, the provisioning log.
 */
package dev.gatehouse.sso.scim;
