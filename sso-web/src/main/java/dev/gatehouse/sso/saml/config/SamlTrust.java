package dev.gatehouse.sso.saml.config;

/** How a SAML provider learns the IdP's signing keys and endpoints. */
public enum SamlTrust {
    METADATA_URL,
    METADATA_XML,
    CERTIFICATE_FINGERPRINT
}
