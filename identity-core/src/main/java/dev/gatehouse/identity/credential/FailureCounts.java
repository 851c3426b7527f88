package dev.gatehouse.identity.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a {@link LoginThrottle} keeps its failure counts. {@link #inMemory()} is this node's own; a cluster keeps them in
 * its data grid, so that guesses spread over the nodes are counted as if they reached one.
 */
public interface FailureCounts {
    /** The failures recorded for the key and not yet forgotten. */
    Optional<Failures> get(String key);

    /** Counts one more failure of the key at {@code now}; the key is forgotten {@code forgetAfter} after its last one. */
    void add(String key, Instant now, Duration forgetAfter);

    void clear(String key);

    /** @param count failures so far; @param last when the latest happened */
    record Failures(int count, Instant last) {}

    /** In this JVM's memory, at most 100,000 keys (the oldest are forgotten first when full). */
    static FailureCounts inMemory() {
        return new InMemory();
    }

    /** {@link #inMemory()}. */
    final class InMemory implements FailureCounts {
        private static final int MAX_TRACKED_KEYS = 100_000;
        private final Map<String, Failures> failures = new ConcurrentHashMap<>();

        @Override
        public Optional<Failures> get(String key) {
            return Optional.ofNullable(failures.get(key));
        }

        @Override
        public void add(String key, Instant now, Duration forgetAfter) {
            if (failures.size() >= MAX_TRACKED_KEYS) {
                Instant horizon = now.minus(forgetAfter);
                failures.values().removeIf(f -> f.last().isBefore(horizon));
            }
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }

        @Override
        public void clear(String key) {
            failures.remove(key);
        }
    }
}
