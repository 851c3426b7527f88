package dev.gatehouse.storage.application;

import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.UserId;
import dev.gatehouse.storage.engine.Decision;
import dev.gatehouse.storage.engine.Explanation;
import dev.gatehouse.storage.engine.PolicyIndex;
import dev.gatehouse.storage.engine.PolicySnapshot;
import dev.gatehouse.storage.model.Action;
import dev.gatehouse.storage.model.FolderPath;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Decisions from a per-site {@link PolicyIndex} kept in memory, so no decision reads the database.
 *
 * <p><b>Freshness.</b> Every committed change to a site's policy, users or groups calls {@link #invalidate} before its
 * caller answers. Invalidation bumps the site's generation; an index is used only when it was built at the current
 * generation, and an index whose build overlapped a change is rebuilt, never installed. So a decision asked after a
 * change has been answered never sees the state before it.
 *
 * <p><b>Failure.</b> When the database is down (as the {@code databaseUp} probe says) or the index cannot be built,
 * decisions throw {@link PolicyUnavailableException}: the caller answers 503 and the storage server denies. So they do
 * when this node cannot confirm that it has every change of the other nodes sharing the database (the
 * {@code changesConfirmed} probe): a node cut off from its cluster must not answer from an index it cannot trust.
 */
public class DecisionService {
    private static final int BUILD_ATTEMPTS = 3;

    private final Function<SiteId, PolicySnapshot> snapshots;
    private final BooleanSupplier databaseUp;
    private final Map<SiteId, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<SiteId, Built> indexes = new ConcurrentHashMap<>();
    private final dev.gatehouse.storage.port.PolicyIndexListener listener;
    private final BooleanSupplier changesConfirmed;

    private record Built(long generation, PolicyIndex index) {}

    /**
     * @param snapshots reads a site's policy in a transaction of its own
     * @param databaseUp whether the database answered its last health probe
     */
    public DecisionService(Function<SiteId, PolicySnapshot> snapshots, BooleanSupplier databaseUp) {
        this(snapshots, databaseUp, dev.gatehouse.storage.port.PolicyIndexListener.NONE);
    }

    /** @param listener told of every invalidation and build (metrics) */
    public DecisionService(
            Function<SiteId, PolicySnapshot> snapshots,
            BooleanSupplier databaseUp,
            dev.gatehouse.storage.port.PolicyIndexListener listener) {
        this(snapshots, databaseUp, () -> true, listener);
    }

    /**
     * @param changesConfirmed whether this node has every committed change of the other nodes (always, alone)
     */
    public DecisionService(
            Function<SiteId, PolicySnapshot> snapshots,
            BooleanSupplier databaseUp,
            BooleanSupplier changesConfirmed,
            dev.gatehouse.storage.port.PolicyIndexListener listener) {
        this.snapshots = snapshots;
        this.databaseUp = databaseUp;
        this.changesConfirmed = changesConfirmed;
        this.listener = listener;
    }

    public Decision decide(SiteId site, UserId user, Action action, FolderPath path, long bytes) {
        return index(site).decide(user, action, path, bytes);
    }

    public Explanation explain(SiteId site, UserId user, FolderPath path) {
        return index(site).explain(user, path);
    }

    /** The enabled user named by an alias ({@code login:<login>}, {@code entra:<tid>:<oid>}, …). */
    public Optional<UserId> user(SiteId site, String alias) {
        return index(site).userByAlias(alias);
    }

    /**
     * Applies a usage report (already committed) to the current index, if one is built: usage changes often and does not
     * need a rebuild.
     */
    public void usageReported(SiteId site, UserId user, long bytes) {
        Built built = indexes.get(site);
        if (built != null) {
            built.index.reportUsage(user, bytes);
        }
    }

    /** Forgets the site's index; the next decision builds a new one. Call after every committed change. */
    public void invalidate(SiteId site) {
        generation(site).incrementAndGet();
        indexes.remove(site);
        listener.invalidated(site);
    }

    /** Forgets every site's index: after this node may have missed a change. */
    public void invalidateAll() {
        generations.values().forEach(AtomicLong::incrementAndGet);
        indexes.clear();
    }

    /** The current index of the site, built when missing or outdated. */
    public PolicyIndex index(SiteId site) {
        if (!databaseUp.getAsBoolean()) {
            throw new PolicyUnavailableException(
                    "the database is unavailable; decisions are denied until it is back", null);
        }
        if (!changesConfirmed.getAsBoolean()) {
            throw new PolicyUnavailableException(
                    "this node has not heard from every node of its cluster recently and may have missed a change;"
                            + " decisions are denied until it has",
                    null);
        }
        AtomicLong generation = generation(site);
        for (int attempt = 0; attempt < BUILD_ATTEMPTS; attempt++) {
            long current = generation.get();
            Built built = indexes.get(site);
            if (built != null && built.generation == current) {
                return built.index;
            }
            PolicyIndex index;
            long started = System.nanoTime();
            try {
                index = PolicyIndex.build(snapshots.apply(site));
            } catch (RuntimeException e) {
                throw new PolicyUnavailableException("the site's policy cannot be read; decisions are denied", e);
            }
            listener.built(site, java.time.Duration.ofNanos(System.nanoTime() - started));
            if (generation.get() == current) {
                indexes.merge(
                        site,
                        new Built(current, index),
                        (old, fresh) -> fresh.generation >= old.generation ? fresh : old);
                if (generation.get() == current) {
                    return index;
                }
            }
        }
        throw new PolicyUnavailableException("the site's policy changed during every rebuild; try again", null);
    }

    private AtomicLong generation(SiteId site) {
        return generations.computeIfAbsent(site, s -> new AtomicLong());
    }
}
