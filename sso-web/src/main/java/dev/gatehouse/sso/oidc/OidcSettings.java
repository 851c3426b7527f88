package dev.gatehouse.sso.oidc;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.validation.Checks;
import java.util.Optional;

/** OpenID Connect with Entra's v2.0 endpoints. */
public record OidcSettings(String tenantId, String clientId, Secret clientSecret, OidcFlow flow)
        implements ProviderSettings {
    /** The provider kind. */
    public static final String KIND = "oidc";

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
        if (flow == null) {
            checks.fail("settings.flow", "is required; use CODE_PKCE (recommended) or LEGACY_IMPLICIT");
        }
    }
}
