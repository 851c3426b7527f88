package dev.gatehouse.sso.saml.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Gatehouse's side of one provider: the entity ID Entra knows as "Identifier", the ACS and SLO URLs it posts to, the
 * clock skew allowed on every time check, and whether unsolicited (IdP-initiated) responses are accepted.
 */
public record ServiceProviderEndpoints(
        String entityId, String acsUrl, String sloUrl, Duration clockSkew, boolean allowUnsolicited) {
    /** Skew when the provider sets none: Entra adds no margin of its own. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(2);

    public ServiceProviderEndpoints {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(acsUrl, "acsUrl");
        Objects.requireNonNull(sloUrl, "sloUrl");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }
}
