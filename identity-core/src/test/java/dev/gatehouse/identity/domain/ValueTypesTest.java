package dev.gatehouse.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.validation.ValidationException;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void identifiersMustBeCanonicalUuids() {
        assertThat(UserId.parse("id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301").value())
                .hasToString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThatThrownBy(() -> UserId.parse("id", "1-2-3-4-5"))
                .hasMessage("id: '1-2-3-4-5' is not an identifier; expected 36 characters of hex digits and hyphens,"
                        + " such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    }

    @Test
    void loginsAreLowerCasedAndRefuseControlCharacters() {
        assertThat(new Login("Jane.Doe@Contoso.com").value()).isEqualTo("jane.doe@contoso.com");
        assertThatThrownBy(() -> new Login("jane\u0000")).hasMessageContaining("'jane\\u0000' is not a valid login");
    }

    @Test
    void oidcSettingsNameEachBadField() {
        Provider provider = new Provider(
                ProviderId.random(),
                SiteId.random(),
                "Entra",
                true,
                new ProviderSettings.Oidc("tenant", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", new Secret(" "), null),
                java.time.Instant.EPOCH);

        assertThatThrownBy(provider::validated)
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("settings.tenantId: 'tenant' is not allowed; copy it from the Entra app"
                        + " registration's Overview page: 36 letters, digits and hyphens")
                .hasMessageContaining("settings.clientSecret: is required")
                .hasMessageContaining("settings.flow: is required; use CODE_PKCE (recommended) or LEGACY_IMPLICIT");
    }

    @Test
    void samlFingerprintTrustNeedsIssuerAndHttpsSsoUrl() {
        var saml = new ProviderSettings.Saml(
                ProviderSettings.SamlTrust.CERTIFICATE_FINGERPRINT,
                null,
                null,
                "AB".repeat(32),
                null,
                "http://login.example.com/saml",
                null,
                null,
                false,
                false,
                false,
                700,
                null);
        Provider provider =
                new Provider(ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH);

        assertThatThrownBy(provider::validated)
                .hasMessageContaining("settings.idpEntityId: is required")
                .hasMessageContaining("settings.ssoUrl: 'http://login.example.com/saml' is not an https:// URL")
                .hasMessageContaining("settings.clockSkewSeconds: 700 is out of range; use 0 to 600 seconds");
    }

    @Test
    void entraLinkKeysRoundTrip() {
        LinkKey key = LinkKey.of("entra", "3f2504e0-4f89-41d3-9a0c-0305e82c3301:9a0c4f89-4f89-41d3-9a0c-0305e82c3301");
        assertThat(key).isInstanceOf(LinkKey.Entra.class);
        assertThat(LinkKey.of(key.kind(), key.value())).isEqualTo(key);
    }
}
