package dev.gatehouse.sso.saml;

/**
 * What an administrator copies into Entra for a SAML provider — entity ID ("Identifier"), ACS URL ("Reply URL"), SLO
 * URL ("Logout URL") — with Gatehouse's SP metadata and login URLs and the state of the last metadata fetch.
 *
 * @param metadataFetchedAt when the metadata in use was fetched; {@code null} unless the provider has a metadata URL
 * @param metadataError why the last refresh failed; {@code null} after a success
 */
public record SamlProviderStatus(
        String entityId,
        String acsUrl,
        String sloUrl,
        String spMetadataUrl,
        String loginUrl,
        String metadataFetchedAt,
        String metadataError) {}
