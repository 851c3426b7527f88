package dev.gatehouse.sso.signin.state;

import java.time.Instant;
import java.util.Optional;

/**
 * The state SAML needs across requests and, in a cluster, across nodes: outstanding requests (for InResponseTo) and
 * assertions already used (replay). The default is {@link LocalSignInStateStore}; a cluster backs this interface with
 * its data grid so that an assertion used on one node is refused on every other.
 */
public interface SignInStateStore {
    /** @throws SignInStateFullException when no more outstanding requests can be kept */
    void rememberRequest(PendingRequest request);

    /** Removes and returns the request; empty when unknown, already answered or expired. */
    Optional<PendingRequest> takeRequest(String id, Instant now);

    /**
     * Records a one-time key (provider + assertion ID) until {@code keepUntil}.
     *
     * @return {@code false} when the key was already recorded and has not expired: a replay
     */
    boolean markUsed(String key, Instant keepUntil, Instant now);
}
