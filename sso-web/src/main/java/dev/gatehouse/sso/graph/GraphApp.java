package dev.gatehouse.sso.graph;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.validation.Checks;
import java.time.LocalDate;

/**
 * An Entra app registration whose client credentials let Gatehouse ask Microsoft Graph about a provider's users, for a
 * provider that has none of its own (SAML). {@link #toString()} hides the secret.
 *
 * @param secretExpiresOn the secret's expiry date as Entra shows it, for the expiring-credentials view
 */
public record GraphApp(String clientId, Secret clientSecret, LocalDate secretExpiresOn) {
    /** The credentials for the user's tenant. */
    public GraphCredentials in(String tenantId) {
        return new GraphCredentials(tenantId, clientId, clientSecret);
    }

    /** Checks the three fields, named {@code settings.graphClientId}, … */
    public void check(Checks checks) {
        checks.matches(
                "settings.graphClientId", clientId, ProviderSettings.ENTRA_ID, ProviderSettings.ENTRA_ID_ALLOWED);
        if (clientSecret == null || clientSecret.isBlank()) {
            checks.fail(
                    "settings.graphClientSecret",
                    "is required with graphClientId; create a client secret for that app in Entra and paste its Value");
        }
        if (secretExpiresOn == null) {
            checks.fail(
                    "settings.graphSecretExpiresOn",
                    "is required with graphClientId; copy the secret's Expires date from Entra (YYYY-MM-DD)");
        }
    }

    @Override
    public String toString() {
        return "GraphApp[" + clientId + "]";
    }
}
