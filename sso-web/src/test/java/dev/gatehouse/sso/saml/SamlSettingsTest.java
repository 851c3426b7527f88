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
                null,
                null);
        Provider provider =
                new Provider(ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH);

        assertThatThrownBy(provider::validated)
                .hasMessageContaining("settings.idpEntityId: is required")
                .hasMessageContaining("settings.ssoUrl: 'http://login.example.com/saml' is not an https:// URL")
                .hasMessageContaining("settings.clockSkewSeconds: 700 is out of range; use 0 to 600 seconds");
    }

    @Test
    void uploadedMetadataMayHaveLineBreaksLikeAnyXmlDocument() {
        String xml = "<?xml version=\"1.0\"?>\n<EntityDescriptor>\r\n\t<IDPSSODescriptor/>\n</EntityDescriptor>\n";
        var saml = new SamlSettings(
                SamlTrust.METADATA_XML,
                null,
                xml,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                120,
                null,
                null,
                null);
        new Provider(ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH).validated();
    }

    @Test
    void aTenantIdMustBeATenantGuid() {
        var saml = new SamlSettings(
                SamlTrust.METADATA_XML,
                null,
                "<EntityDescriptor/>",
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                120,
                null,
                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
                null);
        assertThatThrownBy(() -> new Provider(
                                ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH)
                        .validated())
                .hasMessageContaining("settings.tenantId");
    }

    @Test
    void aGraphAppNeedsItsClientIdSecretAndExpiryAndKeepsTheSecretOutOfTheStoredText() {
        var incomplete = new SamlSettings(
                SamlTrust.METADATA_XML,
                null,
                "<EntityDescriptor/>",
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                120,
                null,
                null,
                new dev.gatehouse.sso.graph.GraphApp("not-an-id", null, null));
        assertThatThrownBy(() -> new Provider(
                                ProviderId.random(),
                                SiteId.random(),
                                "Entra",
                                true,
                                incomplete,
                                java.time.Instant.EPOCH)
                        .validated())
                .hasMessageContaining("settings.graphClientId: 'not-an-id' is not allowed")
                .hasMessageContaining("settings.graphClientSecret: is required with graphClientId")
                .hasMessageContaining("settings.graphSecretExpiresOn: is required with graphClientId");

        var app = new dev.gatehouse.sso.graph.GraphApp(
                "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                new dev.gatehouse.identity.domain.Secret("graph-secret-value"),
                java.time.LocalDate.of(2027, 3, 1));
        var saml = new SamlSettings(
                SamlTrust.METADATA_XML,
                null,
                "<EntityDescriptor/>",
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                120,
                null,
                null,
                app);
        var format = new dev.gatehouse.sso.saml.config.SamlSettingsFormat();
        String stored = format.write(saml);
        org.assertj.core.api.Assertions.assertThat(stored)
                .doesNotContain("graph-secret-value")
                .contains("2027-03-01");
        org.assertj.core.api.Assertions.assertThat(format.read(stored, app.clientSecret()))
                .isEqualTo(saml);
        org.assertj.core.api.Assertions.assertThat(saml.secretExpiry()).contains(java.time.LocalDate.of(2027, 3, 1));
        org.assertj.core.api.Assertions.assertThat(saml.toString()).doesNotContain("graph-secret-value");
    }
}
