package dev.gatehouse.sso.oidc.web;

import java.util.List;

/**
 * An OpenID Connect or OAuth provider as the admin API shows it: its settings (never the client secret; its expiry
 * date is shown), the redirect URI to register in Entra, and the state of discovery and keys.
 */
public record OidcProviderView(
        String id,
        String displayName,
        boolean enabled,
        String kind,
        String tenantId,
        String clientId,
        String flow,
        boolean legacyFlow,
        String issuer,
        boolean multiTenant,
        List<String> allowedTenants,
        List<String> algorithms,
        int clockSkewSeconds,
        boolean justInTime,
        boolean clientSecretSet,
        String secretExpiresOn,
        String redirectUri,
        String loginUrl,
        String discoveredAt,
        String keysFetchedAt,
        String endSessionEndpoint,
        String error,
        String graphCheckedAt,
        Boolean graphOk,
        String graphMessage) {}
