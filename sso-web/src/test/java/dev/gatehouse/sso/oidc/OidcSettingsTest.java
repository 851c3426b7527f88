package dev.gatehouse.sso.oidc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.validation.ValidationException;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {
    @Test
    void oidcSettingsNameEachBadField() {
        Provider provider = new Provider(
                ProviderId.random(),
                SiteId.random(),
                "Entra",
                true,
                new OidcSettings("tenant", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", new Secret(" "), null),
                java.time.Instant.EPOCH);

        assertThatThrownBy(provider::validated)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("settings.tenantId: 'tenant' is not allowed; copy it from the Entra app"
                        + " registration's Overview page: 36 letters, digits and hyphens")
                .hasMessageContaining("settings.clientSecret: is required")
                .hasMessageContaining("settings.flow: is required; use CODE_PKCE (recommended) or LEGACY_IMPLICIT");
    }
}
