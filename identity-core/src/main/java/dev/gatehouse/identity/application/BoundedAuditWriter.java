package dev.gatehouse.identity.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits events that anyone can cause in any number (denied storage decisions, refused sign-in messages) without letting
 * them slow the caller or fill the database: events are queued (at most {@value #CAPACITY}) and written in batches by
 * a background thread; at most {@code itemizedPerSecond} a second are itemized, the rest only counted, and the count is
 * audited with the next batch, so the audit log shows the volume without a row per event. Each event's detail is cut
 * to {@value #MAX_DETAIL} characters. Target and detail are built only for events that are itemized.
 */
public final class BoundedAuditWriter implements AutoCloseable {
    static final int CAPACITY = 10_000;
    /** Longest detail written; the rest is cut. */
    public static final int MAX_DETAIL = 1000;

    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(BoundedAuditWriter.class.getName());

    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final AuditType type;
    private final String what;
    private final int itemizedPerSecond;
    private final Clock clock;
    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong counted = new AtomicLong();
    private final AtomicInteger itemizedThisSecond = new AtomicInteger();
    private volatile long currentSecond;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param type the type of every event
     * @param what the events in plain words, for the count ("denials", "refused sign-in messages")
     */
    public BoundedAuditWriter(
            UnitOfWork unitOfWork, AuditLog auditLog, AuditType type, String what, int itemizedPerSecond, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.type = type;
        this.what = what;
        this.itemizedPerSecond = itemizedPerSecond;
        this.clock = clock;
        this.writer = new Thread(this::drain, "gatehouse-audit-" + type.name().toLowerCase(java.util.Locale.ROOT));
        writer.setDaemon(true);
        writer.start();
    }

    /** Records a failed event; never blocks. */
    public void record(SiteId site, Actor actor, Supplier<String> target, Supplier<String> detail) {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != currentSecond) {
            currentSecond = second;
            itemizedThisSecond.set(0);
        }
        if (itemizedThisSecond.incrementAndGet() > itemizedPerSecond) {
            counted.incrementAndGet();
            return;
        }
        String text = detail.get();
        AuditEvent event = AuditEvent.of(
                clock.instant(),
                site,
                actor,
                type,
                target.get(),
                false,
                text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
        if (!queue.offer(event)) {
            counted.incrementAndGet();
        }
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes what is queued now, in the caller's thread (tests, and the last batch at close). */
    void flush() {
        AuditEvent first = queue.poll();
        if (first != null || counted.get() > 0) {
            write(first);
        }
    }

    private void write(AuditEvent first) {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        if (first != null) {
            batch.add(first);
        }
        queue.drainTo(batch, BATCH - batch.size());
        long lost = counted.getAndSet(0);
        try {
            unitOfWork.run(() -> {
                batch.forEach(auditLog::append);
                if (lost > 0) {
                    auditLog.append(AuditEvent.of(
                            clock.instant(),
                            null,
                            Actor.SYSTEM,
                            type,
                            "",
                            false,
                            lost + " further " + what + " were counted, not audited one by one (more than "
                                    + itemizedPerSecond + " a second)"));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not audit " + batch.size() + " " + what, e);
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
    }
}
