/**
 * The admin console: servlets that render server-side pages (JSP, no JavaScript) for users, groups, sign-in providers,
 * storage policy and the audit log. They call the same services as the REST API and never the API itself.
 */
package dev.gatehouse.sso.console;
