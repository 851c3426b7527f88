package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Checks;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider's typed configuration. Each sign-in protocol brings its own kind (the SAML package its {@code SamlSettings},
 * and so on); each kind checks itself completely with {@link #check(Checks)}, with field names in the messages
 * prefixed by {@code settings.}.
 */
public interface ProviderSettings {
    /** 36 letters, digits and hyphens: the shape of an Entra tenant or client (application) ID. */
    Pattern ENTRA_ID = Pattern.compile("[A-Za-z0-9-]{36}");

    String ENTRA_ID_ALLOWED = "copy it from the Entra app registration's Overview page: 36 letters, digits and hyphens";

    /** {@code saml}, {@code oidc} or {@code oauth}. */
    String kind();

    void check(Checks checks);

    /** The secret these settings carry (a client secret), stored encrypted; empty for kinds without one. */
    default Optional<Secret> secret() {
        return Optional.empty();
    }

    /** When the secret of {@link #secret()} expires, as the identity provider says (for the expiring-credentials view). */
    default Optional<java.time.LocalDate> secretExpiry() {
        return Optional.empty();
    }

    /** Whether users of this provider may be created at their first sign-in. */
    default boolean justInTime() {
        return false;
    }

    /** Hosts for which plain http is accepted: an identity provider on this machine, as in tests. */
    java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "[::1]", "localhost");

    /**
     * Checks an https:// URL with a host ({@code http://} only for {@link #LOOPBACK}), as identity providers publish
     * their endpoints.
     */
    static void httpsUrl(Checks checks, String field, String value, boolean required) {
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
