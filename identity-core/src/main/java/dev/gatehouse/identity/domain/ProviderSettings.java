package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Checks;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A provider's typed configuration. Each kind checks itself completely with {@link #check(Checks)}; field names in the
 * messages are prefixed with {@code settings.}.
 */
public sealed interface ProviderSettings {
    /** 36 letters, digits and hyphens: the shape of an Entra tenant or client (application) ID. */
    Pattern ENTRA_ID = Pattern.compile("[A-Za-z0-9-]{36}");

    String ENTRA_ID_ALLOWED = "copy it from the Entra app registration's Overview page: 36 letters, digits and hyphens";

    /** {@code saml}, {@code oidc} or {@code oauth}. */
    String kind();

    void check(Checks checks);

    /** How a SAML provider learns the IdP's signing keys and endpoints. */
    enum SamlTrust {
        METADATA_URL,
        METADATA_XML,
        CERTIFICATE_FINGERPRINT
    }

    /**
     * SAML 2.0 with Entra. Per trust mode: a metadata URL (refreshed), uploaded metadata XML, or the SHA-256 fingerprint
     * of the signing certificate plus the IdP's issuer and SSO URL.
     *
     * @param justInTime create unknown users at their first sign-in (and update them at later ones)
     * @param clockSkewSeconds tolerance on every SAML time check, 0 to 600 seconds; Entra adds none of its own
     * @param requestedAuthnContext an AuthnContextClassRef to request with Comparison="exact"; {@code null} sends none,
     *     which Entra recommends (a requested context fails with AADSTS75011 for MFA and passwordless users)
     */
    record Saml(
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
            String requestedAuthnContext)
            implements ProviderSettings {
        /** Skew used when none is given. */
        public static final int DEFAULT_CLOCK_SKEW_SECONDS = 120;

        private static final Pattern FINGERPRINT = Pattern.compile("([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}");
        private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]{0,64}");

        @Override
        public String kind() {
            return "saml";
        }

        @Override
        public void check(Checks checks) {
            if (trust == null) {
                checks.fail("settings.trust", "is required; use METADATA_URL, METADATA_XML or CERTIFICATE_FINGERPRINT");
                return;
            }
            switch (trust) {
                case METADATA_URL -> httpsUrl(checks, "settings.metadataUrl", metadataUrl, true);
                case METADATA_XML -> checks.required("settings.metadataXml", metadataXml, 1_000_000);
                case CERTIFICATE_FINGERPRINT -> {
                    checks.matches(
                            "settings.certificateSha256",
                            certificateSha256,
                            FINGERPRINT,
                            "use the SHA-256 thumbprint of the Entra signing certificate: 64 hex digits, colons allowed");
                    checks.required("settings.idpEntityId", idpEntityId, 1024);
                    httpsUrl(checks, "settings.ssoUrl", ssoUrl, true);
                    httpsUrl(checks, "settings.sloUrl", sloUrl, false);
                }
            }
            if (clockSkewSeconds < 0 || clockSkewSeconds > 600) {
                checks.fail(
                        "settings.clockSkewSeconds",
                        clockSkewSeconds + " is out of range; use 0 to 600 seconds (default "
                                + DEFAULT_CLOCK_SKEW_SECONDS + ")");
            }
            if (requestedAuthnContext != null
                    && (requestedAuthnContext.isBlank() || requestedAuthnContext.length() > 256)) {
                checks.fail(
                        "settings.requestedAuthnContext",
                        "give an AuthnContextClassRef URI of at most 256 characters, or leave it out (recommended)");
            }
            if (entityIdSuffix != null && !SUFFIX.matcher(entityIdSuffix).matches()) {
                checks.fail(
                        "settings.entityIdSuffix",
                        "use at most 64 letters, digits and . _ - (it keeps several apps of one Entra tenant distinct)");
            }
        }
    }

    /** Which OpenID Connect flow a provider uses. */
    enum OidcFlow {
        /** Authorization code with PKCE, answered by form_post: the default and the recommended flow. */
        CODE_PKCE,
        /** Legacy implicit/hybrid (id_token + access token in the front channel), kept only for old app registrations. */
        LEGACY_IMPLICIT
    }

    /** OpenID Connect with Entra's v2.0 endpoints. */
    record Oidc(String tenantId, String clientId, Secret clientSecret, OidcFlow flow) implements ProviderSettings {
        @Override
        public String kind() {
            return "oidc";
        }

        @Override
        public void check(Checks checks) {
            checks.matches("settings.tenantId", tenantId, ENTRA_ID, ENTRA_ID_ALLOWED);
            checks.matches("settings.clientId", clientId, ENTRA_ID, ENTRA_ID_ALLOWED);
            if (clientSecret == null || clientSecret.isBlank()) {
                checks.fail("settings.clientSecret", "is required; create one under Certificates & secrets in Entra");
            }
            if (flow == null) {
                checks.fail("settings.flow", "is required; use CODE_PKCE (recommended) or LEGACY_IMPLICIT");
            }
        }
    }

    /** An Entra app with a client secret whose expiry Gatehouse tracks. */
    record OAuth(String tenantId, String clientId, Secret clientSecret, LocalDate secretExpiresOn)
            implements ProviderSettings {
        @Override
        public String kind() {
            return "oauth";
        }

        @Override
        public void check(Checks checks) {
            checks.matches("settings.tenantId", tenantId, ENTRA_ID, ENTRA_ID_ALLOWED);
            checks.matches("settings.clientId", clientId, ENTRA_ID, ENTRA_ID_ALLOWED);
            if (clientSecret == null || clientSecret.isBlank()) {
                checks.fail("settings.clientSecret", "is required; create one under Certificates & secrets in Entra");
            }
            if (secretExpiresOn == null) {
                checks.fail(
                        "settings.secretExpiresOn",
                        "is required; copy the secret's expiry date from Entra (YYYY-MM-DD) so Gatehouse can warn before it");
            }
        }
    }

    /** Hosts for which plain http is accepted: an identity provider on this machine, as in tests. */
    java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "[::1]", "localhost");

    private static void httpsUrl(Checks checks, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                checks.fail(field, "is required; use an https:// URL");
            }
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            boolean loopbackHttp = "http".equals(scheme) && LOOPBACK.contains(String.valueOf(uri.getHost()));
            if (!("https".equals(scheme) || loopbackHttp) || uri.getHost() == null) {
                checks.fail(
                        field,
                        "'" + value + "' is not an https:// URL with a host; use the URL Entra shows"
                                + " (http:// is accepted only for 127.0.0.1, [::1] and localhost)");
            }
        } catch (java.net.URISyntaxException e) {
            checks.fail(field, "'" + value + "' is not a URL: " + e.getReason() + "; use the URL Entra shows");
        }
    }
}
