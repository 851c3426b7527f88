/**
 * The LDAP adapter of the directory ports, on the Apache Directory LDAP API: TLS only, certificates checked against the
 * site's trusted certificates and the controller's name.
 */
package dev.gatehouse.directory.ldap;
