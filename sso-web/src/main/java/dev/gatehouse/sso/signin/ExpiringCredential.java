package dev.gatehouse.sso.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential of a sign-in provider that expires and that the protocol knows of (a SAML signing certificate of the
 * IdP's metadata), for the site's expiring-credentials view.
 *
 * @param type the kind, such as {@code SAML_SIGNING_CERTIFICATE}
 * @param name what tells it apart, such as the certificate's thumbprint
 * @param whenExpired what stops working when it expires
 * @param howToRenew what the administrator does before then
 */
public record ExpiringCredential(String type, String name, Instant expiresAt, String whenExpired, String howToRenew) {
    /** A client secret of an Entra app registration that expires at the start of {@code expiresOn} (UTC). */
    public static ExpiringCredential clientSecret(String name, java.time.LocalDate expiresOn, String whenExpired) {
        return new ExpiringCredential(
                "PROVIDER_CLIENT_SECRET",
                name,
                expiresOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                whenExpired,
                "in Entra, add a new client secret to the app registration (Certificates & secrets), then enter it"
                        + " and its expiry date in this provider's settings before the old one expires");
    }

    public ExpiringCredential {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(whenExpired, "whenExpired");
        Objects.requireNonNull(howToRenew, "howToRenew");
    }
}
