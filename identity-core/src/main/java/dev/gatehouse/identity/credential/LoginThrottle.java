package dev.gatehouse.identity.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing without a lockout an attacker could trigger. Failures are counted per key (an account, or
 * a client address); after {@code freeAttempts} failures each further attempt must wait a delay that doubles per
 * failure up to {@code maxDelay}. The delay only makes the key wait — it never disables the account — and a success
 * clears the key. Keys whose last failure is older than {@code forgetAfter} are forgotten.
 *
 * <h2>Configuration</h2>
 * <ul>
 *   <li>{@code freeAttempts}: failures before any delay, default 5 for accounts and 50 for addresses;</li>
 *   <li>{@code baseDelay}: the first delay, default 1 s, doubled per further failure;</li>
 *   <li>{@code maxDelay}: the longest delay, default 5 min;</li>
 *   <li>{@code forgetAfter}: default 1 h.</li>
 * </ul>
 * {@code PasswordLogin} keeps three: per account at one address (guessing from one place), per address (one address
 * spraying many accounts) and a slow per-account ceiling (one account guessed from many addresses) that applies only
 * to addresses with failures, so an attacker can never throttle the owner who signs in from elsewhere.
 *
 * <p>The counts live in a {@link FailureCounts}: this node's memory by default, the cluster's data grid when there is
 * one (each throttle its own).
 */
public final class LoginThrottle {
    private final Clock clock;
    private final int freeAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final FailureCounts failures;

    public LoginThrottle(Clock clock, int freeAttempts, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
        this(FailureCounts.inMemory(), clock, freeAttempts, baseDelay, maxDelay, forgetAfter);
    }

    public LoginThrottle(
            FailureCounts failures,
            Clock clock,
            int freeAttempts,
            Duration baseDelay,
            Duration maxDelay,
            Duration forgetAfter) {
        this.failures = failures;
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    /** For one account at one client address: 5 free failures. */
    public static LoginThrottle withDefaults(Clock clock) {
        return withDefaults(FailureCounts.inMemory(), clock);
    }

    /** {@link #withDefaults(Clock)} with its counts in {@code counts}. */
    public static LoginThrottle withDefaults(FailureCounts counts, Clock clock) {
        return new LoginThrottle(counts, clock, 5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /**
     * For one account across all addresses, the slow ceiling: 20 free failures, then 5 s doubling up to 15 min. It slows
     * only addresses that have failed before (see {@code PasswordLogin}), so it never shuts the owner out.
     */
    public static LoginThrottle accountCeiling(Clock clock) {
        return accountCeiling(FailureCounts.inMemory(), clock);
    }

    /** {@link #accountCeiling(Clock)} with its counts in {@code counts}. */
    public static LoginThrottle accountCeiling(FailureCounts counts, Clock clock) {
        return new LoginThrottle(counts, clock, 20, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1));
    }

    /** For client addresses: 50 free failures, since many users may share one address behind a NAT or proxy. */
    public static LoginThrottle forAddresses(Clock clock) {
        return forAddresses(FailureCounts.inMemory(), clock);
    }

    /** {@link #forAddresses(Clock)} with its counts in {@code counts}. */
    public static LoginThrottle forAddresses(FailureCounts counts, Clock clock) {
        return new LoginThrottle(counts, clock, 50, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** How long the key must still wait before its next attempt; {@link Duration#ZERO} when it may try now. */
    public Duration waitFor(String key) {
        FailureCounts.Failures f = failures.get(key).orElse(null);
        if (f == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (f.last().plus(forgetAfter).isBefore(now)) {
            return Duration.ZERO;
        }
        Instant allowedAt = f.last().plus(delayAfter(f.count()));
        return allowedAt.isAfter(now) ? Duration.between(now, allowedAt) : Duration.ZERO;
    }

    /** Whether the key has failures it has not yet forgotten. */
    public boolean hasFailures(String key) {
        return failures.get(key)
                .filter(f -> !f.last().plus(forgetAfter).isBefore(clock.instant()))
                .isPresent();
    }

    public void recordFailure(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(forgetAfter);
        if (failures.get(key).filter(f -> f.last().isBefore(since)).isPresent()) {
            failures.clear(key); // forgotten: counting starts again
        }
        failures.add(key, now, forgetAfter);
    }

    public void recordSuccess(String key) {
        failures.clear(key);
    }

    private Duration delayAfter(int count) {
        if (count < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeAttempts, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
