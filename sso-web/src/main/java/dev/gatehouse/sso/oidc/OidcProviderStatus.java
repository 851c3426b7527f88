package dev.gatehouse.sso.oidc;

import java.time.Instant;

/**
 * An OpenID Connect provider's endpoints and state for its page and the API.
 *
 * @param redirectUri what the administrator registers in Entra as the Web redirect URI
 * @param error the last failure of discovery or of the key set, {@code null} when the last attempt worked
 * @param graph the last Microsoft Graph call for this provider's sign-ins (groups overage, group names), if any
 */
public record OidcProviderStatus(
        String redirectUri,
        String issuer,
        String loginUrl,
        Instant discoveredAt,
        String endSessionEndpoint,
        Instant keysFetchedAt,
        String error,
        dev.gatehouse.sso.graph.GraphGroups.Status graph) {}
