package dev.gatehouse.sso.oidc.config;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.identity.validation.Checks;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An OpenID Connect provider (kind {@code oidc}) or an OAuth app with a client secret (kind {@code oauth}, the
 * Files.com variant: the code flow with the secret, no legacy flow).
 *
 * @param tenantId the Entra tenant of the app registration (for another IdP: the tenant its tokens name in {@code tid})
 * @param clientId the application (client) ID
 * @param clientSecret the client secret, stored encrypted; not needed by {@link OidcFlow#LEGACY_IMPLICIT}
 * @param secretExpiresOn the secret's expiry date as Entra shows it, for the expiring-credentials view
 * @param issuerUrl the issuer to discover; {@code null} for Entra's ({@link #issuer()})
 * @param multiTenant accept users of the tenants in {@code allowedTenants} (and the home tenant) through Entra's
 *     {@code organizations} endpoint
 * @param algorithms the ID token signature algorithms accepted; {@code RS256} by default
 */
public record OidcSettings(
        String kind,
        String tenantId,
        String clientId,
        Secret clientSecret,
        LocalDate secretExpiresOn,
        OidcFlow flow,
        String issuerUrl,
        boolean multiTenant,
        List<String> allowedTenants,
        List<String> algorithms,
        int clockSkewSeconds,
        boolean justInTime)
        implements ProviderSettings {
    /** The OpenID Connect provider kind. */
    public static final String KIND = "oidc";
    /** The OAuth provider kind: the code flow with a client secret. */
    public static final String OAUTH_KIND = "oauth";

    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 120;
    public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256");
    /** Asymmetric algorithms only: the token must be signed with the provider's private key. */
    public static final Set<String> ALLOWED_ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    public static final String ENTRA_AUTHORITY = "https://login.microsoftonline.com/";
    static final int MAX_ALLOWED_TENANTS = 100;

    public OidcSettings {
        allowedTenants = allowedTenants == null ? List.of() : List.copyOf(allowedTenants);
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
        flow = flow == null && OAUTH_KIND.equals(kind) ? OidcFlow.CODE_PKCE : flow;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<Secret> secret() {
        return Optional.ofNullable(clientSecret);
    }

    @Override
    public Optional<LocalDate> secretExpiry() {
        return clientSecret == null ? Optional.empty() : Optional.ofNullable(secretExpiresOn);
    }

    @Override
    public boolean justInTime() {
        return justInTime;
    }

    /**
     * The issuer to discover: the configured one, or Entra's v2.0 issuer of the tenant (or of any organisation).
     *
     * @param entraAuthority where Entra publishes its issuers, such as {@value #ENTRA_AUTHORITY}
     */
    public String issuer(String entraAuthority) {
        if (issuerUrl != null) {
            return issuerUrl;
        }
        return entraAuthority + (multiTenant ? "organizations" : tenantId.toLowerCase(Locale.ROOT)) + "/v2.0";
    }

    /** Whether the provider is Entra itself (its issuer, and Graph for the groups overage). */
    public boolean entra() {
        return issuerUrl == null;
    }

    /** The tenants whose users may sign in: the home tenant, and for a multi-tenant provider the allowed ones. */
    public Set<String> tenants() {
        Set<String> tenants = new LinkedHashSet<>();
        tenants.add(tenantId.toLowerCase(Locale.ROOT));
        if (multiTenant) {
            allowedTenants.forEach(t -> tenants.add(t.toLowerCase(Locale.ROOT)));
        }
        return tenants;
    }

    @Override
    public void check(Checks checks) {
        if (!KIND.equals(kind) && !OAUTH_KIND.equals(kind)) {
            checks.fail("kind", "'" + kind + "' is not an OpenID Connect kind; use oidc or oauth");
        }
        if (checks.matches("settings.tenantId", tenantId, ENTRA_ID, ENTRA_ID_ALLOWED)
                && !Uuids.isCanonical(tenantId.toLowerCase(Locale.ROOT))) {
            checks.fail(
                    "settings.tenantId",
                    "'" + tenantId + "' is not a tenant ID; a tenant ID is a GUID such as"
                            + " 72f988bf-86f1-41af-91ab-2d7cd011db47");
        }
        checks.matches("settings.clientId", clientId, ENTRA_ID, ENTRA_ID_ALLOWED);
        if (flow == null) {
            checks.fail("settings.flow", "is required; use CODE_PKCE (recommended), LEGACY_HYBRID or LEGACY_IMPLICIT");
        } else if (OAUTH_KIND.equals(kind) && flow != OidcFlow.CODE_PKCE) {
            checks.fail("settings.flow", "an OAuth provider uses the code flow only; leave it out or use CODE_PKCE");
        }
        boolean hasSecret = clientSecret != null && !clientSecret.isBlank();
        if (!hasSecret && (flow == null || flow.exchangesCode())) {
            checks.fail(
                    "settings.clientSecret",
                    "is required; create one in Entra under Certificates & secrets and paste its Value");
        }
        if (hasSecret && secretExpiresOn == null) {
            checks.fail(
                    "settings.secretExpiresOn",
                    "is required with a client secret; copy the secret's Expires date from Entra (YYYY-MM-DD) so"
                            + " Gatehouse can warn before it");
        }
        if (issuerUrl != null) {
            ProviderSettings.httpsUrl(checks, "settings.issuerUrl", issuerUrl, false);
            if (multiTenant) {
                checks.fail(
                        "settings.multiTenant",
                        "is only for Entra's own issuer; leave issuerUrl out for a multi-tenant Entra app");
            }
        }
        if (!multiTenant && !allowedTenants.isEmpty()) {
            checks.fail(
                    "settings.allowedTenants",
                    "is only for a multi-tenant provider; set multiTenant to true or leave" + " it out");
        }
        if (allowedTenants.size() > MAX_ALLOWED_TENANTS) {
            checks.fail("settings.allowedTenants", "lists more than " + MAX_ALLOWED_TENANTS + " tenants");
        }
        for (int i = 0; i < allowedTenants.size(); i++) {
            String tenant = allowedTenants.get(i);
            if (tenant == null || !Uuids.isCanonical(tenant.toLowerCase(Locale.ROOT))) {
                checks.fail(
                        "settings.allowedTenants[" + i + "]",
                        "'" + tenant + "' is not a tenant ID; list tenant GUIDs such as"
                                + " 72f988bf-86f1-41af-91ab-2d7cd011db47");
            }
        }
        for (int i = 0; i < algorithms.size(); i++) {
            if (!ALLOWED_ALGORITHMS.contains(algorithms.get(i))) {
                checks.fail(
                        "settings.algorithms[" + i + "]",
                        "'" + algorithms.get(i) + "' is not allowed; ID tokens must be signed with the provider's key"
                                + " pair: use RS256 (Entra's), or one of "
                                + new java.util.TreeSet<>(ALLOWED_ALGORITHMS));
            }
        }
        if (clockSkewSeconds < 0 || clockSkewSeconds > 600) {
            checks.fail("settings.clockSkewSeconds", clockSkewSeconds + " is out of range; use 0 to 600 (default 120)");
        }
    }

    @Override
    public String toString() {
        return "OidcSettings[" + kind + " " + (issuerUrl == null ? "entra" : issuerUrl) + " client " + clientId + " "
                + flow + "]";
    }
}
