package dev.gatehouse.sso.signin.state;

import dev.gatehouse.identity.domain.ProviderId;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A request Gatehouse sent to an identity provider and still expects an answer to: a SAML AuthnRequest or
 * LogoutRequest, an OpenID Connect authentication request.
 *
 * @param id the request's key: SAML's {@code ID} that the answer's {@code InResponseTo} must name, OpenID's
 *     {@code state}
 * @param target where the user goes afterwards, already checked against the allowlist (a Gatehouse-relative path)
 * @param client the address of the client that started it, for its budget; empty when Gatehouse started it itself
 * @param details what the protocol must check the answer against (OpenID: nonce, PKCE verifier, browser binding);
 *     {@code null} when nothing more
 */
public record PendingRequest(
        String id,
        Kind kind,
        ProviderId provider,
        String target,
        Instant expiresAt,
        String client,
        Serializable details)
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

    /** A request with nothing more to check than its key. */
    public PendingRequest(String id, Kind kind, ProviderId provider, String target, Instant expiresAt, String client) {
        this(id, kind, provider, target, expiresAt, client, null);
    }

    @Override
    public String toString() {
        // the key and the details are secrets of the exchange (an OpenID state, a PKCE verifier)
        return "PendingRequest[" + kind + " " + provider + " until " + expiresAt + "]";
    }

    /** A request no client address is charged for (a logout Gatehouse sends for a signed-in session). */
    public PendingRequest(String id, Kind kind, ProviderId provider, String target, Instant expiresAt) {
        this(id, kind, provider, target, expiresAt, "");
    }
}
