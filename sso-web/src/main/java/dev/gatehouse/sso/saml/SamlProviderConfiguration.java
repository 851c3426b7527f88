package dev.gatehouse.sso.saml;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.sso.saml.engine.IdpTrust;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import java.util.Optional;

/**
 * Everything needed to run one SAML provider, resolved from its settings and, for a metadata URL, from the last good
 * metadata: whom to trust, where to send users, and Gatehouse's own endpoints for it.
 */
public record SamlProviderConfiguration(
        Provider provider,
        ProviderSettings.Saml settings,
        IdpTrust trust,
        String ssoUrl,
        Optional<String> sloUrl,
        ServiceProviderEndpoints sp) {

    @Override
    public String toString() {
        return "SamlProviderConfiguration[" + provider.id() + " " + sp.entityId() + "]";
    }
}
