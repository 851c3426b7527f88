package dev.gatehouse.sso.saml.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SamlStateStore} in this JVM's memory. Entries expire on their own time; expired ones are swept every
 * {@value #SWEEP_EVERY} writes, so the maps stay as small as the traffic of the last validity window.
 *
 * <p>Configuration: {@code maxPendingRequests} (constructor, default {@value #DEFAULT_MAX_PENDING_REQUESTS}). Anyone can
 * start a sign-in, so outstanding requests are capped: when the cap is reached even after expired ones are swept, new
 * sign-ins are refused with {@link SamlStateFullException} until some complete or expire. The replay cache needs no cap:
 * only validly signed assertions enter it. Correct for a single node only: with several nodes, a replayed assertion
 * posted to another node would not be recognised, so a cluster must provide a shared implementation.
 */
public final class LocalSamlStateStore implements SamlStateStore {
    static final int SWEEP_EVERY = 1024;
    public static final int DEFAULT_MAX_PENDING_REQUESTS = 100_000;

    private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final int maxPendingRequests;

    public LocalSamlStateStore() {
        this(DEFAULT_MAX_PENDING_REQUESTS);
    }

    public LocalSamlStateStore(int maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    @Override
    public void rememberRequest(PendingRequest request) {
        Instant now = Instant.now();
        if (requests.size() >= maxPendingRequests) {
            requests.values().removeIf(r -> !r.expiresAt().isAfter(now));
            if (requests.size() >= maxPendingRequests) {
                throw new SamlStateFullException(maxPendingRequests);
            }
        }
        requests.put(request.id(), request);
        maybeSweep(now);
    }

    @Override
    public Optional<PendingRequest> takeRequest(String id, Instant now) {
        PendingRequest request = requests.remove(id);
        if (request == null || !request.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    @Override
    public boolean markUsed(String key, Instant keepUntil, Instant now) {
        boolean[] fresh = {false};
        used.compute(key, (k, previous) -> {
            if (previous == null || !previous.isAfter(now)) {
                fresh[0] = true;
                return keepUntil;
            }
            return previous;
        });
        maybeSweep(now);
        return fresh[0];
    }

    int size() {
        return requests.size() + used.size();
    }

    private void maybeSweep(Instant now) {
        if (writes.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        requests.values().removeIf(r -> !r.expiresAt().isAfter(now));
        used.values().removeIf(until -> !until.isAfter(now));
    }
}
