package dev.gatehouse.sso.saml.config;

import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.sso.saml.engine.IdpTrust;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything needed to run one SAML provider, resolved from its settings and, for a metadata URL, from the last good
 * metadata: whom to trust, where to send users, and Gatehouse's own endpoints for it.
 */
public record SamlProviderConfiguration(
        Provider provider,
        SamlSettings settings,
        IdpTrust trust,
        String ssoUrl,
        Optional<String> sloUrl,
        ServiceProviderEndpoints sp) {

    private static final Pattern ENTRA_ISSUER = Pattern.compile(
            "https://(?:sts\\.windows\\.net|login\\.microsoftonline\\.com)/([0-9a-fA-F-]{36})/(?:v2\\.0)?");

    /**
     * The key namespaces this provider may vouch for: the Entra tenant of its issuer
     * ({@code https://sts.windows.net/<tenant id>/}), or the tenant named in its settings for an IdP that is not Entra
     * itself. None when neither names one, or when they name different tenants: its sign-ins are then refused.
     */
    public Set<String> authorities() {
        Matcher issuer = ENTRA_ISSUER.matcher(trust.issuer());
        String fromIssuer = issuer.matches() ? issuer.group(1).toLowerCase(Locale.ROOT) : null;
        String configured =
                settings.tenantId() == null ? null : settings.tenantId().toLowerCase(Locale.ROOT);
        String tenant = configured == null
                ? fromIssuer
                : fromIssuer == null || fromIssuer.equals(configured) ? configured : null;
        if (tenant == null || !Uuids.isCanonical(tenant)) {
            return Set.of();
        }
        return Set.of(LinkKey.entraAuthority(new EntraTenantId(UUID.fromString(tenant))));
    }

    @Override
    public String toString() {
        return "SamlProviderConfiguration[" + provider.id() + " " + sp.entityId() + "]";
    }
}
