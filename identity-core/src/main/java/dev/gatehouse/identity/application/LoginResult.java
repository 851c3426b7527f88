package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.User;
import java.time.Duration;

/**
 * The outcome of a password login. Callers show the same generic message for every failure; the exact reason goes to
 * the audit log only.
 */
public sealed interface LoginResult {
    record Success(User user) implements LoginResult {}

    /**
     * The directory that checks this password answered from none of its controllers: not the user's failure, so it
     * does not count towards the throttle; callers answer 503.
     */
    record Unavailable() implements LoginResult {}

    record Failure() implements LoginResult {}

    /** Too many recent failures for this account or address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LoginResult {}
}
