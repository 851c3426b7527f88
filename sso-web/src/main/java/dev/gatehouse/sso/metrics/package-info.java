/**
 * Gatehouse's own metrics at {@code /metrics} (MicroProfile Metrics, Prometheus text): sign-ins and refusals per
 * provider, decisions and denials, policy-index builds, invalidations, metadata refreshes, provisioning requests.
 */
package dev.gatehouse.sso.metrics;
