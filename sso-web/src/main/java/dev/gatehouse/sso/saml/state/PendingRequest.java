package dev.gatehouse.sso.saml.state;

import dev.gatehouse.identity.domain.ProviderId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A request Gatehouse sent to an identity provider and still expects an answer to: an AuthnRequest or a LogoutRequest.
 *
 * @param id the request's {@code ID}; the answer's {@code InResponseTo} must name it
 * @param target where the user goes afterwards, already checked against the allowlist (a Gatehouse-relative path)
 */
public record PendingRequest(String id, Kind kind, ProviderId provider, String target, Instant expiresAt)
        implements Serializable {
    public enum Kind {
        LOGIN,
        LOGOUT
    }

    public PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
