package dev.gatehouse.sso.saml.config;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.engine.IdpTrust;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import dev.gatehouse.sso.saml.engine.SignaturePolicy;
import dev.gatehouse.sso.saml.metadata.IdpMetadata;
import dev.gatehouse.sso.saml.metadata.IdpMetadataParser;
import dev.gatehouse.sso.saml.metadata.MetadataCache;
import dev.gatehouse.sso.saml.metadata.MetadataException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a provider's {@link SamlProviderConfiguration}. Gatehouse's endpoints for provider {@code id} live under
 * {@code <base URL>/saml/<id>/}: {@code metadata}, {@code login}, {@code acs} and {@code slo}. The entity ID is
 * {@code <base URL>/saml/<id>}, followed by {@code /<suffix>} when the provider sets an entity ID suffix, so that
 * several Entra applications of one tenant stay distinct.
 */
public final class SamlProviders {
    private final URI baseUrl;
    private final MetadataCache metadata;

    public SamlProviders(URI baseUrl, MetadataCache metadata) {
        this.baseUrl = baseUrl;
        this.metadata = metadata;
    }

    /** Call inside a transaction. Empty when the provider is not SAML. */
    public Optional<SamlProviderConfiguration> configuration(Provider provider) {
        if (!(provider.settings() instanceof SamlSettings saml)) {
            return Optional.empty();
        }
        SignaturePolicy policy = new SignaturePolicy(saml.allowSha1());
        ServiceProviderEndpoints sp = endpoints(provider.id(), saml);
        return Optional.of(
                switch (saml.trust()) {
                    case CERTIFICATE_FINGERPRINT -> new SamlProviderConfiguration(
                            provider,
                            saml,
                            IdpTrust.pinned(saml.idpEntityId(), fingerprint(saml.certificateSha256()), policy),
                            saml.ssoUrl(),
                            Optional.ofNullable(saml.sloUrl()).filter(url -> !url.isBlank()),
                            sp);
                    case METADATA_XML -> fromMetadata(
                            provider, saml, sp, IdpMetadataParser.parse(bytes(saml.metadataXml()), List.of()));
                    case METADATA_URL -> fromMetadata(provider, saml, sp, lastGood(provider.id()));
                });
    }

    public ServiceProviderEndpoints endpoints(ProviderId id, SamlSettings saml) {
        String base = baseUrl.toString().replaceAll("/+$", "") + "/saml/" + id;
        String suffix =
                saml.entityIdSuffix() == null || saml.entityIdSuffix().isBlank() ? "" : "/" + saml.entityIdSuffix();
        return new ServiceProviderEndpoints(
                base + suffix,
                base + "/acs",
                base + "/slo",
                Duration.ofSeconds(saml.clockSkewSeconds()),
                saml.allowIdpInitiated());
    }

    private IdpMetadata lastGood(ProviderId id) {
        String xml = metadata.find(id)
                .flatMap(MetadataCache.Entry::xml)
                .orElseThrow(() ->
                        new MetadataException("no metadata has been fetched yet from this provider's metadata URL"));
        return IdpMetadataParser.parse(bytes(xml), List.of());
    }

    private static SamlProviderConfiguration fromMetadata(
            Provider provider, SamlSettings saml, ServiceProviderEndpoints sp, IdpMetadata idp) {
        IdpTrust trust = IdpTrust.of(
                idp.entityId(),
                idp.signingCertificates().stream()
                        .map(X509Certificate::getPublicKey)
                        .toList(),
                new SignaturePolicy(saml.allowSha1()));
        return new SamlProviderConfiguration(provider, saml, trust, idp.ssoUrl(), idp.sloUrl(), sp);
    }

    static byte[] fingerprint(String text) {
        return HexFormat.of().parseHex(text.replace(":", ""));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
