/**
 * The admin REST API (JAX-RS, JSON) under {@code /api/v1}, described by MicroProfile OpenAPI at {@code /openapi}.
 * Requests are read strictly ({@link dev.gatehouse.sso.api.JsonInput}: unknown fields, wrong types and oversized
 * bodies are refused); every error is an {@code application/problem+json} document naming the field and the fix.
 */
package dev.gatehouse.sso.api;
