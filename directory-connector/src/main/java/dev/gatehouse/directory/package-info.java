/**
 * Directory connector: joins Entra Domain Services or Active Directory over LDAPS and Kerberos, checks directory
 * passwords and imports users and groups. Returns domain objects; persisting them is the caller's transaction.
 */
package dev.gatehouse.directory;
