package dev.gatehouse.sso.cluster.grid;

import com.hazelcast.map.IMap;
import dev.gatehouse.identity.credential.FailureCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A login throttle's failure counts in a grid map ({@code "<count>:<epoch millis of the last>"} per key), so that
 * guesses spread over the nodes count as if they reached one. Entries expire on their own after {@code forgetAfter}.
 */
final class GridFailureCounts implements FailureCounts {
    private static final int ATTEMPTS = 16;
    private final IMap<String, String> map;

    GridFailureCounts(IMap<String, String> map) {
        this.map = map;
    }

    @Override
    public Optional<Failures> get(String key) {
        return Optional.ofNullable(map.get(key)).map(GridFailureCounts::parse);
    }

    @Override
    public void add(String key, Instant now, Duration forgetAfter) {
        long ttl = Math.max(1, forgetAfter.toMillis());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String old = map.get(key);
            if (old == null) {
                if (map.putIfAbsent(key, format(1, now), ttl, TimeUnit.MILLISECONDS) == null) {
                    return;
                }
            } else if (map.replace(key, old, format(parse(old).count() + 1, now))) {
                map.setTtl(key, ttl, TimeUnit.MILLISECONDS);
                return;
            }
        }
        // a key this contended is being hammered from everywhere: count it once more without the compare
        Failures last = get(key).orElse(new Failures(0, now));
        map.set(key, format(last.count() + 1, now), ttl, TimeUnit.MILLISECONDS);
    }

    @Override
    public void clear(String key) {
        map.delete(key);
    }

    private static String format(int count, Instant last) {
        return count + ":" + last.toEpochMilli();
    }

    private static Failures parse(String value) {
        int colon = value.indexOf(':');
        return new Failures(
                Integer.parseInt(value.substring(0, colon)),
                Instant.ofEpochMilli(Long.parseLong(value.substring(colon + 1))));
    }
}
