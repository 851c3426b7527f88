/**
 * How failures become answers, in one place for the REST API (problem+json), the console (messages on the page) and
 * user pages: which exception means which status, title and field errors.
 */
package dev.gatehouse.sso.errors;
