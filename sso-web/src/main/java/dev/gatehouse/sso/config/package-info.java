/** Process-level settings read through MicroProfile Config and checked once at startup. */
package dev.gatehouse.sso.config;
