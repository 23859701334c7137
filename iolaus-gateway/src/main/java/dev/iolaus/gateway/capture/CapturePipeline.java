package dev.iolaus.gateway.capture;

import dev.iolaus.model.Interaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The capture path from event loops to the engine: a bounded queue, a consumer thread calling the engine hook, and
 * an on-disk {@link SpillJournal} for whatever the queue cannot hold.
 *
 * <p>{@link #offer} never blocks: it tries the queue, and when full hands the event to the spill writer thread
 * (an unbounded lock-free hand-off whose size is bounded in practice by the writer's speed, far above the
 * gateway's). The consumer delivers queued events first and replays journal segments when the queue is empty,
 * so an engine that stalls and resumes receives every event; order across the two paths is not preserved.
 */
public final class CapturePipeline implements InteractionSink, AutoCloseable {
    private final ArrayBlockingQueue<Supplier<Interaction>> queue;
    private final ConcurrentLinkedQueue<Supplier<Interaction>> spill = new ConcurrentLinkedQueue<>();
    private final SpillJournal journal;
    private final Consumer<Interaction> engine;
    private final Thread consumer;
    private final Thread writer;
    private volatile boolean running = true;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong journalPending = new AtomicLong();

    /**
     * Starts the pipeline.
     *
     * @param capacity queue capacity in events
     * @param journalDir where spill segments live (segments found there are replayed)
     * @param engine the engine hook; may block (that is what the journal is for), must not throw
     */
    public CapturePipeline(int capacity, Path journalDir, Consumer<Interaction> engine) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.journal = new SpillJournal(journalDir);
        this.engine = engine;
        this.journalPending.set(journal.pendingSegments());
        this.consumer = Thread.ofPlatform().name("iolaus-capture").daemon().unstarted(this::consume);
        this.writer = Thread.ofPlatform().name("iolaus-spill").daemon().unstarted(this::write);
        consumer.start();
        writer.start();
    }

    @Override
    public boolean offer(Interaction interaction) {
        return offerDeferred(() -> interaction);
    }

    @Override
    public boolean offerDeferred(Supplier<Interaction> interaction) {
        offered.incrementAndGet();
        if (queue.offer(interaction)) {
            return true;
        }
        spilled.incrementAndGet();
        spill.add(interaction);
        LockSupport.unpark(writer);
        return true;
    }

    private void consume() {
        while (running || !queue.isEmpty()) {
            try {
                Supplier<Interaction> i = queue.poll(20, TimeUnit.MILLISECONDS);
                if (i != null) {
                    deliver(i.get());
                } else if (journalPending.get() > 0) {
                    long n = journal.replayOldest(this::deliverReplayed);
                    if (n >= 0) {
                        journalPending.decrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
                System.getLogger("dev.iolaus.gateway.capture").log(System.Logger.Level.ERROR,
                        "capture consumer: " + e.getMessage());
                LockSupport.parkNanos(100_000_000L);
            }
        }
    }

    private void deliver(Interaction i) {
        engine.accept(i);
        delivered.incrementAndGet();
    }

    private void deliverReplayed(Interaction i) {
        deliver(i);
        replayed.incrementAndGet();
    }

    private void write() {
        long idleSince = System.nanoTime();
        while (true) {
            Supplier<Interaction> i = spill.poll();
            try {
                if (i != null) {
                    journal.append(i.get());
                    idleSince = System.nanoTime();
                    if (journal.openCount() >= 50_000) {
                        closeSegment();
                    }
                    continue;
                }
                // Close a segment after a short quiet spell so the consumer can replay it.
                if (journal.openCount() > 0 && System.nanoTime() - idleSince > 50_000_000L) {
                    closeSegment();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
                System.getLogger("dev.iolaus.gateway.capture").log(System.Logger.Level.ERROR,
                        "spill journal: " + e.getMessage());
            }
            if (!running && spill.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private void closeSegment() throws IOException {
        journal.closeSegment();
        journalPending.incrementAndGet();
    }

    /** Counters of this pipeline. */
    public record Stats(long offered, long spilled, long delivered, long replayed, long failed, int queued) {
    }

    /** Current counters. */
    public Stats stats() {
        return new Stats(offered.get(), spilled.get(), delivered.get(), replayed.get(), failed.get(), queue.size());
    }

    /** Events waiting in memory (queue and spill hand-off). */
    public int backlog() {
        return queue.size() + spill.size();
    }

    /**
     * Stops: events still queued in memory are written to the journal (replayed on the next start), so none is
     * lost on a clean shutdown even when the engine is stalled.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        // Take back what the consumer has not started on.
        Supplier<Interaction> i;
        while ((i = queue.poll()) != null) {
            spill.add(i);
        }
        LockSupport.unpark(writer);
        writer.join(10_000);
        journal.closeSegment();
        consumer.join(1_000);
    }
}
