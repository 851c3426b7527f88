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

    @Test
    void uploadedMetadataMayHaveLineBreaksLikeAnyXmlDocument() {
        String xml = "<?xml version=\"1.0\"?>\n<EntityDescriptor>\r\n\t<IDPSSODescriptor/>\n</EntityDescriptor>\n";
        var saml = new SamlSettings(
                SamlTrust.METADATA_XML, null, xml, null, null, null, null, null, false, false, false, 120, null, null);
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
                "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");
        assertThatThrownBy(() -> new Provider(
                                ProviderId.random(), SiteId.random(), "Entra", true, saml, java.time.Instant.EPOCH)
                        .validated())
                .hasMessageContaining("settings.tenantId");
    }
}
