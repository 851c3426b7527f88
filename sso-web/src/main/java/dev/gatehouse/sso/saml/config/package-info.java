/**
 * A SAML provider's configuration: its settings ({@link dev.gatehouse.sso.saml.config.SamlSettings}, stored by {@link
 * dev.gatehouse.sso.saml.config.SamlSettingsFormat}) and what they resolve to at run time with the last good metadata
 * ({@link dev.gatehouse.sso.saml.config.SamlProviderConfiguration}).
 */
package dev.gatehouse.sso.saml.config;
