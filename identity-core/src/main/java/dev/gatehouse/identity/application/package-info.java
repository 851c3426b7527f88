/**
 * Application services: the use cases administrators and protocols trigger, with the rules that span several
 * entities (unique logins, the break-glass rule, group cycles) and the audit event of every change. Each public
 * method is meant to run in one transaction opened by the caller.
 */
package dev.gatehouse.identity.application;
