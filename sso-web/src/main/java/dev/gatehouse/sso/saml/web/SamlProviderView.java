package dev.gatehouse.sso.saml.web;

/**
 * A SAML provider as the admin API shows it: its settings (uploaded metadata XML is summarised, not echoed), what to
 * copy into Entra (entity ID = "Identifier", ACS URL = "Reply URL", SLO URL = "Logout URL") and, for a metadata URL,
 * when metadata was last fetched and the last error; with a Graph app, its client ID and secret expiry (never the
 * secret) and the last Microsoft Graph call.
 */
public record SamlProviderView(
        String id,
        String displayName,
        boolean enabled,
        String kind,
        String trust,
        String metadataUrl,
        String idpEntityId,
        String tenantId,
        boolean allowIdpInitiated,
        boolean allowSha1,
        boolean justInTime,
        int clockSkewSeconds,
        String entityId,
        String acsUrl,
        String sloUrl,
        String spMetadataUrl,
        String loginUrl,
        String metadataFetchedAt,
        String metadataError,
        String graphClientId,
        String graphSecretExpiresOn,
        String graphCheckedAt,
        Boolean graphOk,
        String graphMessage) {}
