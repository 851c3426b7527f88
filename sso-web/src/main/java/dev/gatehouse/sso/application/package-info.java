/**
 * Wires the identity services to their adapters once per deployment, prepares a fresh installation, and runs admin
 * changes in transactions (auditing refusals separately, so a refused change leaves a trace but no data).
 */
package dev.gatehouse.sso.application;
