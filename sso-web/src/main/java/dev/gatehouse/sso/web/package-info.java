/**
 * The pages every user meets: the login page (password sign-in and a button per sign-in provider, from the protocol
 * registry) and sign-out. Pages are servlets rendering Jakarta Pages views under {@code WEB-INF/views} (see
 * docs/adr/0003-admin-console-rendering.md).
 */
package dev.gatehouse.sso.web;
