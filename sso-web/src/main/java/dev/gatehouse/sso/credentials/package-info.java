/** The expiring-credentials view shared by the admin API and the console. */
package dev.gatehouse.sso.credentials;
