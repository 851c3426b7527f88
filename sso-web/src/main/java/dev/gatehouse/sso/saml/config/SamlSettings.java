package dev.gatehouse.sso.saml.config;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.identity.validation.Checks;
import dev.gatehouse.identity.validation.Texts;
import dev.gatehouse.sso.graph.GraphApp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SAML 2.0 with Entra. Per trust mode: a metadata URL (refreshed), uploaded metadata XML, or the SHA-256 fingerprint
 * of the signing certificate plus the IdP's issuer and SSO URL.
 *
 * @param justInTime create unknown users at their first sign-in (and update them at later ones)
 * @param clockSkewSeconds tolerance on every SAML time check, 0 to 600 seconds; Entra adds none of its own
 * @param requestedAuthnContext an AuthnContextClassRef to request with Comparison="exact"; {@code null} sends none,
 *     which Entra recommends (a requested context fails with AADSTS75011 for MFA and passwordless users)
 * @param tenantId the Entra tenant whose identities this provider vouches for; {@code null} takes it from the IdP's
 *     issuer ({@code https://sts.windows.net/<tenant id>/}). Needed only for an IdP that is not Entra itself but sends
 *     Entra claims. A sign-in whose {@code tenantid} claim names another tenant is refused.
 * @param graph the Entra app Gatehouse asks Microsoft Graph with for a user's groups when an assertion had too many to
 *     carry ({@code groups.link}) and for the names of groups created just in time; {@code null} for none
 */
public record SamlSettings(
        SamlTrust trust,
        String metadataUrl,
        String metadataXml,
        String certificateSha256,
        String idpEntityId,
        String ssoUrl,
        String sloUrl,
        String entityIdSuffix,
        boolean allowIdpInitiated,
        boolean allowSha1,
        boolean justInTime,
        int clockSkewSeconds,
        String requestedAuthnContext,
        String tenantId,
        GraphApp graph)
        implements ProviderSettings {
    /** The provider kind. */
    public static final String KIND = "saml";

    /** Skew used when none is given. */
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 120;

    private static final Pattern FINGERPRINT = Pattern.compile("([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]{0,64}");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<Secret> secret() {
        return graph == null ? Optional.empty() : Optional.ofNullable(graph.clientSecret());
    }

    @Override
    public Optional<LocalDate> secretExpiry() {
        return graph == null ? Optional.empty() : Optional.ofNullable(graph.secretExpiresOn());
    }

    @Override
    public void check(Checks checks) {
        if (trust == null) {
            checks.fail("settings.trust", "is required; use METADATA_URL, METADATA_XML or CERTIFICATE_FINGERPRINT");
            return;
        }
        switch (trust) {
            case METADATA_URL -> ProviderSettings.httpsUrl(checks, "settings.metadataUrl", metadataUrl, true);
            case METADATA_XML -> checks.requiredDocument("settings.metadataXml", metadataXml, 1_000_000);
            case CERTIFICATE_FINGERPRINT -> {
                checks.matches(
                        "settings.certificateSha256",
                        certificateSha256,
                        FINGERPRINT,
                        "use the SHA-256 thumbprint of the Entra signing certificate: 64 hex digits, colons allowed");
                checks.required("settings.idpEntityId", idpEntityId, 1024);
                ProviderSettings.httpsUrl(checks, "settings.ssoUrl", ssoUrl, true);
                ProviderSettings.httpsUrl(checks, "settings.sloUrl", sloUrl, false);
            }
        }
        if (clockSkewSeconds < 0 || clockSkewSeconds > 600) {
            checks.fail(
                    "settings.clockSkewSeconds",
                    clockSkewSeconds + " is out of range; use 0 to 600 seconds (default " + DEFAULT_CLOCK_SKEW_SECONDS
                            + ")");
        }
        if (requestedAuthnContext != null
                && (requestedAuthnContext.isBlank() || requestedAuthnContext.length() > 256)) {
            checks.fail(
                    "settings.requestedAuthnContext",
                    "give an AuthnContextClassRef URI of at most 256 characters, or leave it out (recommended)");
        }
        if (tenantId != null && !Uuids.isCanonical(tenantId)) {
            checks.fail(
                    "settings.tenantId",
                    "'" + Texts.printable(tenantId) + "' is not a tenant ID; copy the Directory (tenant) ID from the"
                            + " Entra overview page: a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47");
        }
        if (graph != null) {
            graph.check(checks);
        }
        if (entityIdSuffix != null && !SUFFIX.matcher(entityIdSuffix).matches()) {
            checks.fail(
                    "settings.entityIdSuffix",
                    "use at most 64 letters, digits and . _ - (it keeps several apps of one Entra tenant distinct)");
        }
    }
}
