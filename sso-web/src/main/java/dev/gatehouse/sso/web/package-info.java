/**
 * Browser-facing pages and the security around every request: the login page, sessions, CSRF protection and the
 * filter that admits administrators to the console and the admin API. Pages are servlets rendering Jakarta Pages
 * views under {@code WEB-INF/views} (see docs/adr/0003-admin-console-rendering.md).
 */
package dev.gatehouse.sso.web;
