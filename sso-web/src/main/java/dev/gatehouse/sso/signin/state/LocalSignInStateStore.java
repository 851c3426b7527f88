package dev.gatehouse.sso.signin.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SignInStateStore} in this JVM's memory. Entries expire on their own time; expired ones are swept every
 * {@value #SWEEP_EVERY} writes, and at most once a second when a budget is reached, so the maps stay as small as the
 * traffic of the last validity window.
 *
 * <p><b>Budgets.</b> Anyone can start a sign-in, so outstanding requests are bounded three ways: per client address and
 * provider ({@code maxPerClient}, default {@value #DEFAULT_MAX_PER_CLIENT}), per provider ({@code maxPerProvider}, default
 * {@value #DEFAULT_MAX_PER_PROVIDER}) and per node ({@code maxPendingRequests}, default
 * {@value #DEFAULT_MAX_PENDING_REQUESTS}). One client cannot fill a provider's budget alone, and one provider's flood
 * leaves the node's budget to the others. A request over a budget is refused with {@link SignInStateFullException}
 * naming it. The replay cache needs no cap: only validly signed assertions enter it. Correct for a single node only:
 * with several nodes, a replayed assertion posted to another node would not be recognised, so a cluster must provide
 * a shared implementation.
 */
public final class LocalSignInStateStore implements SignInStateStore {
    static final int SWEEP_EVERY = 1024;
    public static final int DEFAULT_MAX_PENDING_REQUESTS = 100_000;
    public static final int DEFAULT_MAX_PER_PROVIDER = 25_000;
    public static final int DEFAULT_MAX_PER_CLIENT = 50;

    private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outstanding = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicLong lastForcedSweepSecond = new AtomicLong(-1);
    private final int maxPendingRequests;
    private final int maxPerProvider;
    private final int maxPerClient;

    public LocalSignInStateStore() {
        this(DEFAULT_MAX_PENDING_REQUESTS, DEFAULT_MAX_PER_PROVIDER, DEFAULT_MAX_PER_CLIENT);
    }

    public LocalSignInStateStore(int maxPendingRequests) {
        this(maxPendingRequests, maxPendingRequests, maxPendingRequests);
    }

    public LocalSignInStateStore(int maxPendingRequests, int maxPerProvider, int maxPerClient) {
        this.maxPendingRequests = maxPendingRequests;
        this.maxPerProvider = maxPerProvider;
        this.maxPerClient = maxPerClient;
    }

    @Override
    public void rememberRequest(PendingRequest request) {
        Instant now = Instant.now();
        String provider = providerKey(request);
        String client = clientKey(request);
        if (over(client, maxPerClient) || over(provider, maxPerProvider) || requests.size() >= maxPendingRequests) {
            forcedSweep(now);
            if (over(client, maxPerClient)) {
                throw new SignInStateFullException(SignInStateFullException.Scope.CLIENT, maxPerClient);
            }
            if (over(provider, maxPerProvider)) {
                throw new SignInStateFullException(SignInStateFullException.Scope.PROVIDER, maxPerProvider);
            }
            if (requests.size() >= maxPendingRequests) {
                throw new SignInStateFullException(SignInStateFullException.Scope.NODE, maxPendingRequests);
            }
        }
        if (requests.put(request.id(), request) == null) {
            count(request, 1);
        }
        maybeSweep(now);
    }

    @Override
    public Optional<PendingRequest> takeRequest(String id, Instant now) {
        PendingRequest request = requests.remove(id);
        if (request == null) {
            return Optional.empty();
        }
        count(request, -1);
        return request.expiresAt().isAfter(now) ? Optional.of(request) : Optional.empty();
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

    private boolean over(String key, int max) {
        AtomicInteger count = key == null ? null : outstanding.get(key);
        return count != null && count.get() >= max;
    }

    private void count(PendingRequest request, int delta) {
        for (String key : new String[] {providerKey(request), clientKey(request)}) {
            if (key != null) {
                AtomicInteger count = outstanding.computeIfAbsent(key, k -> new AtomicInteger());
                if (count.addAndGet(delta) <= 0) {
                    outstanding.remove(key, count);
                }
            }
        }
    }

    private static String providerKey(PendingRequest request) {
        return "provider:" + request.provider();
    }

    private static String clientKey(PendingRequest request) {
        return request.client().isEmpty() ? null : "client:" + request.provider() + "/" + request.client();
    }

    private void maybeSweep(Instant now) {
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
    }

    /** A sweep because a budget was reached, at most once a second: a client at its limit cannot make every call scan. */
    private void forcedSweep(Instant now) {
        long second = now.getEpochSecond();
        long last = lastForcedSweepSecond.get();
        if (last != second && lastForcedSweepSecond.compareAndSet(last, second)) {
            sweep(now);
        }
    }

    private void sweep(Instant now) {
        requests.values().forEach(request -> {
            if (!request.expiresAt().isAfter(now) && requests.remove(request.id(), request)) {
                count(request, -1);
            }
        });
        used.values().removeIf(until -> !until.isAfter(now));
    }
}
