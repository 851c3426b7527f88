/**
 * Admission and session safety shared by the REST API, the console and the sign-in pages: the filters (security
 * headers, database outage, administrator and storage-client admission), who is signed in ({@link
 * dev.gatehouse.sso.security.SignedIn}), CSRF tokens and origin checks, and the local password check.
 */
package dev.gatehouse.sso.security;
