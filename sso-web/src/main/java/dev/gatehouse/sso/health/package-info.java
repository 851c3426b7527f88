/** MicroProfile Health checks: readiness reports the database, liveness the process. */
package dev.gatehouse.sso.health;
