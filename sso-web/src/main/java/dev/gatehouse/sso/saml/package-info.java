/**
 * SAML 2.0 single sign-on with Entra ID: a pac4j client of Gatehouse's own ({@code client}) on an engine built on
 * Apache Santuario ({@code engine}, ADR 0005), IdP metadata and its refresh ({@code metadata}), the state that must
 * be shared in a cluster ({@code state}) and the servlets of the SP endpoints ({@code web}).
 */
package dev.gatehouse.sso.saml;
