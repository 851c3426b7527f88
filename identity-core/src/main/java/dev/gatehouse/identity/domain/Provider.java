package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.Checks;
import java.time.Instant;
import java.util.Objects;

/** A sign-in provider of a site: a display name for the login button and its typed settings. */
public record Provider(
        ProviderId id, SiteId site, String displayName, boolean enabled, ProviderSettings settings, Instant updatedAt) {
    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Checks every field and throws all problems together; called before every save. */
    public Provider validated() {
        Checks checks = new Checks();
        checks.required("displayName", displayName, 100);
        if (settings == null) {
            checks.fail("settings", "is required; give the settings for kind saml, oidc or oauth");
        } else {
            settings.check(checks);
        }
        checks.throwIfAny();
        return this;
    }
}
