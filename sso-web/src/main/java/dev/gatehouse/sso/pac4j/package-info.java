/** Gatehouse's adapters between pac4j and the servlet API, shared by the protocol clients. */
package dev.gatehouse.sso.pac4j;
