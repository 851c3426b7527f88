/**
 * Integration and end-to-end tests. {@link dev.gatehouse.it.GatehouseSuiteIT} deploys the built WAR once on Payara
 * Micro (Arquillian) and runs every black-box check against it over HTTP on 127.0.0.1, in two lanes (H2 and
 * PostgreSQL); {@link dev.gatehouse.it.EarOnPayaraServerIT} deploys the EAR on a real Payara Server.
 */
package dev.gatehouse.it;
