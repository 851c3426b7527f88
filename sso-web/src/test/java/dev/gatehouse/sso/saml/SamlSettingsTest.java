package dev.gatehouse.sso.saml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.sso.saml.config.SamlSettings;
import dev.gatehouse.sso.saml.config.SamlTrust;
import org.junit.jupiter.api.Test;

class SamlSettingsTest {
    @Test
    void samlFingerprintTrustNeedsIssuerAndHttpsSsoUrl() {
        var saml = new SamlSettings(
                SamlTrust.CERTIFICATE_FINGERPRINT,
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
                null,
                null);
        Provider provider =
                new Provider(ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH);

        assertThatThrownBy(provider::validated)
                .hasMessageContaining("settings.idpEntityId: is required")
                .hasMessageContaining("settings.ssoUrl: 'http://login.example.com/saml' is not an https:// URL")
                .hasMessageContaining("settings.clockSkewSeconds: 700 is out of range; use 0 to 600 seconds");
    }
}
