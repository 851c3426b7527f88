/** Identity-provider metadata: parsing, fetching from a metadata URL, and keeping the last good copy. */
package dev.gatehouse.sso.saml.metadata;
