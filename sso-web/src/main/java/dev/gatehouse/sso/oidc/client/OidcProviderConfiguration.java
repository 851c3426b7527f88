package dev.gatehouse.sso.oidc.client;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.sso.oidc.config.OidcSettings;
import dev.gatehouse.sso.oidc.engine.IdTokenValidator;
import dev.gatehouse.sso.oidc.engine.IssuerPolicy;
import dev.gatehouse.sso.oidc.engine.ProviderKeys;
import dev.gatehouse.sso.oidc.engine.ProviderMetadata;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything needed to run one OpenID Connect provider: its settings, what its discovery document published, its keys,
 * and Gatehouse's redirect URI for it.
 */
public record OidcProviderConfiguration(
        Provider provider, OidcSettings settings, ProviderMetadata metadata, ProviderKeys keys, String redirectUri) {

    /** The Entra tenants this provider may vouch for: its home tenant and, multi-tenant, the allowed ones. */
    public Set<String> authorities() {
        return settings.tenants().stream()
                .map(t -> LinkKey.entraAuthority(new EntraTenantId(UUID.fromString(t))))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** What an ID token of this provider must match, for a sign-in that sent {@code nonce}. */
    public IdTokenValidator.Expected expected(String nonce, String code, String accessToken, boolean hashesRequired) {
        return new IdTokenValidator.Expected(
                settings.clientId(),
                new IssuerPolicy(metadata.issuer(), settings.tenants()),
                settings.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet()),
                Duration.ofSeconds(settings.clockSkewSeconds()),
                nonce,
                code,
                accessToken,
                hashesRequired);
    }

    @Override
    public String toString() {
        return "OidcProviderConfiguration[" + provider.id() + " " + metadata.issuer() + "]";
    }
}
