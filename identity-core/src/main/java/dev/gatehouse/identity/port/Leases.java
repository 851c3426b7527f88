package dev.gatehouse.identity.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Named leases in the shared database, so that work that must run once (a site's directory sync, a schedule) runs on one
 * node however many share the database. Each call is its own short transaction: call outside any other.
 */
public interface Leases {
    /**
     * Takes the lease for {@code holder} until {@code now + ttl} when it is free, expired or already {@code holder}'s.
     *
     * @return whether {@code holder} holds it now; when another holder takes it at the same moment, this may also end
     *     in the unit of work's {@code ConflictException}
     */
    boolean acquire(String name, String holder, Duration ttl, Instant now);

    /** Gives the lease up, if {@code holder} holds it. */
    void release(String name, String holder);

    /** The names of the leases starting with {@code prefix} that have not expired at {@code now}. */
    java.util.List<String> held(String prefix, Instant now);
}
