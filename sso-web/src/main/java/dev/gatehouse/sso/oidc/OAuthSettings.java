package dev.gatehouse.sso.oidc;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.validation.Checks;
import java.time.LocalDate;
import java.util.Optional;

/** An Entra app with a client secret whose expiry Gatehouse tracks. */
public record OAuthSettings(String tenantId, String clientId, Secret clientSecret, LocalDate secretExpiresOn)
        implements ProviderSettings {
    /** The provider kind. */
    public static final String KIND = "oauth";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Secret> secret() {
        return Optional.ofNullable(clientSecret);
    }

    @Override
    public void check(Checks checks) {
        checks.matches("settings.tenantId", tenantId, ENTRA_ID, ENTRA_ID_ALLOWED);
        checks.matches("settings.clientId", clientId, ENTRA_ID, ENTRA_ID_ALLOWED);
        if (clientSecret == null || clientSecret.isBlank()) {
            checks.fail("settings.clientSecret", "is required; create one under Certificates & secrets in Entra");
        }
        if (secretExpiresOn == null) {
            checks.fail(
                    "settings.secretExpiresOn",
                    "is required; copy the secret's expiry date from Entra (YYYY-MM-DD) so Gatehouse can warn before it");
        }
    }
}
