package dev.gatehouse.storage.application;

import dev.gatehouse.identity.domain.Actor;
import dev.gatehouse.identity.domain.AuditEvent;
import dev.gatehouse.identity.domain.AuditType;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.AuditLog;
import dev.gatehouse.identity.port.UnitOfWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits denied storage decisions without slowing the decision API: denials are queued (at most {@value #CAPACITY})
 * and written in batches by a background thread. At most {@value #ITEMIZED_PER_SECOND} denials a second are itemized;
 * beyond that — a storage server hammering denied paths — denials are counted, and the count is audited with the next
 * batch, so the audit log shows the volume without the database paying for every row.
 */
public final class DenialRecorder implements AutoCloseable {
    static final int CAPACITY = 10_000;
    static final int ITEMIZED_PER_SECOND = 200;
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(DenialRecorder.class.getName());

    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger itemizedThisSecond =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile long currentSecond;
    private final UnitOfWork transactions;
    private final AuditLog auditLog;
    private final Thread writer;
    private volatile boolean running = true;

    public DenialRecorder(UnitOfWork transactions, AuditLog auditLog) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.writer = new Thread(this::drain, "gatehouse-denial-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** The target and detail are built only for denials that are itemized: most are only counted under load. */
    public void record(
            SiteId site,
            String client,
            java.util.function.Supplier<String> target,
            java.util.function.Supplier<String> detail) {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != currentSecond) {
            currentSecond = second;
            itemizedThisSecond.set(0);
        }
        if (itemizedThisSecond.incrementAndGet() > ITEMIZED_PER_SECOND) {
            dropped.incrementAndGet();
            return;
        }
        AuditEvent event = AuditEvent.of(
                Instant.now(),
                site,
                new Actor(null, client),
                AuditType.ACCESS_DENIED,
                target.get(),
                false,
                detail.get());
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                long lost = dropped.getAndSet(0);
                transactions.run(() -> {
                    batch.forEach(auditLog::append);
                    if (lost > 0) {
                        auditLog.append(AuditEvent.of(
                                Instant.now(),
                                null,
                                Actor.SYSTEM,
                                AuditType.ACCESS_DENIED,
                                "",
                                false,
                                lost + " further denials were not audited one by one (queue full)"));
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not audit " + batch.size() + " denied decisions", e);
            } finally {
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
    }
}
