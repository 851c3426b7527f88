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
 * @param client the address of the client that started it, for its budget; empty when Gatehouse started it itself
 */
public record PendingRequest(String id, Kind kind, ProviderId provider, String target, Instant expiresAt, String client)
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
        client = client == null ? "" : client;
    }

    /** A request no client address is charged for (a logout Gatehouse sends for a signed-in session). */
    public PendingRequest(String id, Kind kind, ProviderId provider, String target, Instant expiresAt) {
        this(id, kind, provider, target, expiresAt, "");
    }
}
