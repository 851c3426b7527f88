package dev.gatehouse.sso.oidc.engine;

import dev.gatehouse.identity.domain.Uuids;
import java.util.Locale;
import java.util.Set;

/**
 * Which issuers a provider accepts, and for Entra which tenants. Entra's multi-tenant discovery documents
 * ({@code /organizations/v2.0}, {@code /common/v2.0}) publish the issuer as a template,
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0}: the token's {@code tid} is put in, the result must be the
 * token's {@code iss} exactly, and the tenant must be allowed. A single-tenant provider has a fixed issuer and allows
 * only its own tenant; every provider requires the {@code tid} claim to name an allowed tenant.
 *
 * @param issuer the issuer as discovered, possibly with {@value #TENANT_PLACEHOLDER}
 * @param tenants the allowed tenant IDs, lower case
 */
public record IssuerPolicy(String issuer, Set<String> tenants) {
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    public IssuerPolicy {
        tenants = tenants.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * @param iss the token's {@code iss}
     * @param tid the token's {@code tid}, {@code null} when absent
     * @throws OidcException {@code ISSUER} or {@code TENANT}
     */
    public void check(String iss, String tid) {
        if (iss == null) {
            throw new OidcException(OidcException.Reason.ISSUER, "the token has no iss claim");
        }
        if (tid == null || !Uuids.isCanonical(tid.toLowerCase(Locale.ROOT))) {
            throw new OidcException(
                    OidcException.Reason.TENANT, "the token has no tid claim naming a tenant ID (a GUID)");
        }
        String tenant = tid.toLowerCase(Locale.ROOT);
        String expected = issuer.contains(TENANT_PLACEHOLDER) ? issuer.replace(TENANT_PLACEHOLDER, tenant) : issuer;
        if (!expected.equals(iss)) {
            throw new OidcException(
                    OidcException.Reason.ISSUER,
                    "the token's issuer '" + ProviderKeys.printable(iss) + "' is not '" + expected + "'");
        }
        if (!tenants.contains(tenant)) {
            throw new OidcException(
                    OidcException.Reason.TENANT,
                    "the token is from tenant " + tenant + ", which this provider does not allow");
        }
    }
}
