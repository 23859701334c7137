package dev.iolaus.detect.engine;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live mode: a bounded in-process queue in front of an {@link Engine}, drained by one engine thread.
 *
 * <p>{@link #offer} never blocks. When the queue is full it returns false and the event is not taken (counted in
 * {@link #rejected()}): the caller keeps it, e.g. the gateway spills it to its journal and replays it later, when it
 * is processed as a late event. When no event arrives for {@code idleTickMs}, the engine thread moves the watermark to
 * the injected clock's time minus the engine's allowed lateness, so that decisions still expire on a quiet system.
 */
public final class EngineQueue implements AutoCloseable {
    private static final Object STOP = new Object();

    private final Engine engine;
    private final BlockingQueue<Object> queue;
    private final EventClock clock;
    private final long idleTickMs;
    private final long latenessMs;
    private final Thread thread;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;
    private volatile RuntimeException lastFailure;

    /**
     * Starts the engine thread.
     *
     * @param engine the engine, used by this queue's thread only from now on
     * @param capacity most events waiting
     * @param clock time source for idle ticks, or null to advance only on events
     * @param idleTickMs idle time after which the clock advances the watermark
     * @param latenessMs how far behind the clock the idle watermark stays
     */
    public EngineQueue(Engine engine, int capacity, EventClock clock, long idleTickMs, long latenessMs) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.clock = clock;
        this.idleTickMs = idleTickMs;
        this.latenessMs = latenessMs;
        this.thread = new Thread(this::run, "iolaus-engine");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Enqueues an interaction; false (event not taken) when the queue is full or closed. */
    public boolean offer(Interaction i) {
        return offerAny(i);
    }

    /** Enqueues an account event; false (event not taken) when the queue is full or closed. */
    public boolean offer(AccountEvent e) {
        return offerAny(e);
    }

    private boolean offerAny(Object o) {
        if (closed || !queue.offer(o)) {
            rejected.incrementAndGet();
            return false;
        }
        return true;
    }

    private void run() {
        while (true) {
            Object o;
            try {
                o = queue.poll(idleTickMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (o == STOP) {
                engine.finish();
                return;
            }
            try {
                if (o == null) {
                    if (clock != null) {
                        engine.advanceTo(clock.nowMs() - latenessMs);
                    }
                } else if (o instanceof Interaction i) {
                    engine.accept(i);
                } else {
                    engine.accept((AccountEvent) o);
                }
            } catch (RuntimeException ex) {
                // One bad event or detector bug must not stop detection for everyone; it is counted and kept.
                failures.incrementAndGet();
                lastFailure = ex;
            }
        }
    }

    /** Events refused because the queue was full (or closed). */
    public long rejected() {
        return rejected.get();
    }

    /** Events whose processing threw (and were skipped). */
    public long failures() {
        return failures.get();
    }

    /** The last exception an event's processing threw, or null: for the owner's health check and logs. */
    public RuntimeException lastFailure() {
        return lastFailure;
    }

    /** Events waiting. */
    public int backlog() {
        return queue.size();
    }

    /** Stops taking events, processes those queued, finishes the engine and waits for its thread. */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(STOP);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
