package dev.iolaus.cli;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Replays an interactions file through an {@link IolausDetector}, account events merged in event time and a watermark
 * every minute of event time: on the calling thread alone, or pipelined over two threads.
 *
 * <p>Pipelined, a reader thread parses lines and extracts features with its own extractor (from
 * {@link IolausDetector#newExtractor()}) and hands them over in batches; the calling thread only updates the detector
 * (fingerprints, graph, passes). The reader sees the interactions in file order, as the detector's own extractor
 * would, so the findings are the same and in the same order as the single-thread replay's. The hand-off is bounded
 * and its batches are reused: at most {@value #IN_FLIGHT} batches of {@value #BATCH} interactions are in flight.
 * One instance per replay.
 */
final class DetectReplay {
    /** Interactions per batch: large enough that the hand-off costs nothing per interaction, small for the cache. */
    static final int BATCH = 512;
    /** Full batches the reader may queue ahead of the detector. */
    static final int IN_FLIGHT = 4;
    private static final long WATERMARK_MS = 60_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final IolausDetector detector;
    private final List<AccountEvent> lifecycle;
    private final Findings findings;
    private int nextAccountEvent;
    private long lastWatermarkMs = Long.MIN_VALUE;
    // Kept for the replay's lifetime: its caches count in the bench's heap measurement, as the detector's own did.
    private FeatureExtractor extractor;
    private long detectorCpuNs;
    private volatile long readerCpuNs;

    /**
     * A replay.
     *
     * @param detector the detector to drive (only from the calling thread)
     * @param lifecycle account events sorted by time, merged before the first interaction at or after their time
     * @param findings where the detector reports
     */
    DetectReplay(IolausDetector detector, List<AccountEvent> lifecycle, Findings findings) {
        this.detector = detector;
        this.lifecycle = lifecycle;
        this.findings = findings;
    }

    /** Replays {@code file} on the calling thread (parse, features and detection in turn); returns interactions. */
    long singleThread(Path file) {
        long cpu0 = cpuNow();
        long n = 0;
        try (JsonlReader<Interaction> r = JsonlReader.open(file, EventCodecs.INTERACTION)) {
            for (Interaction i : r) {
                step(i, null);
                n++;
            }
        } finally {
            detectorCpuNs = cpuNow() - cpu0;
        }
        return n;
    }

    /**
     * Replays {@code file} with parsing and feature extraction on a reader thread; returns interactions. A failure of
     * the reader (unreadable file, truncated gzip) is rethrown here once everything read before it was detected.
     */
    long pipelined(Path file) throws InterruptedException {
        ArrayBlockingQueue<Batch> full = new ArrayBlockingQueue<>(IN_FLIGHT);
        // Two more batches than can be queued: one the reader is filling, one the detector is working through.
        ArrayBlockingQueue<Batch> free = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
        for (int k = 0; k < IN_FLIGHT + 2; k++) {
            free.add(new Batch(BATCH));
        }
        extractor = detector.newExtractor();
        long cpu0 = cpuNow();
        Thread reader = Thread.ofPlatform().name("iolaus-replay-reader").daemon()
                .start(() -> read(file, full, free));
        long n = 0;
        boolean finished = false;
        try {
            while (true) {
                Batch b = full.take();
                for (int k = 0; k < b.size; k++) {
                    step(b.interactions[k], b.features[k]);
                }
                n += b.size;
                if (b.failure instanceof RuntimeException e) {
                    throw e;
                } else if (b.failure instanceof Error e) {
                    throw e;
                }
                boolean last = b.last;
                b.clear();
                free.put(b);
                if (last) {
                    finished = true;
                    return n;
                }
            }
        } finally {
            if (!finished) {
                // The detector failed or was interrupted: stop the reader, which may be waiting for a free batch.
                reader.interrupt();
            }
            reader.join();
            detectorCpuNs = cpuNow() - cpu0;
        }
    }

    /** CPU time of the thread that ran the detector (in the single-thread replay: everything), in nanoseconds. */
    long detectorCpuNanos() {
        return detectorCpuNs;
    }

    /** CPU time of the reader thread (parse and features) of the last pipelined replay, in nanoseconds; else 0. */
    long readerCpuNanos() {
        return readerCpuNs;
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private void read(Path file, ArrayBlockingQueue<Batch> full, ArrayBlockingQueue<Batch> free) {
        long cpu0 = cpuNow();
        Batch b = null;
        try (JsonlReader<Interaction> r = JsonlReader.open(file, EventCodecs.INTERACTION)) {
            b = free.take();
            for (Interaction i : r) {
                b.interactions[b.size] = i;
                b.features[b.size++] = extractor.extract(i);
                if (b.size == b.interactions.length) {
                    full.put(b);
                    b = free.take();
                }
            }
            b.last = true;
            readerCpuNs = cpuNow() - cpu0;
            full.put(b);
        } catch (InterruptedException e) {
            // The detector side gave up; nothing waits for more batches.
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            Batch last = b != null ? b : new Batch(0);
            last.failure = e;
            last.last = true;
            try {
                full.put(last);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One interaction, exactly as the single-thread loop of earlier benches: account events first, then watermark. */
    private void step(Interaction i, InteractionFeatures features) {
        long t = i.timeMs();
        while (nextAccountEvent < lifecycle.size() && lifecycle.get(nextAccountEvent).timeMs() <= t) {
            detector.onAccountEvent(lifecycle.get(nextAccountEvent++), findings);
        }
        if (features == null) {
            detector.onInteraction(i, findings);
        } else {
            detector.onInteraction(i, features, findings);
        }
        if (t - lastWatermarkMs >= WATERMARK_MS) {
            detector.onWatermark(t, findings);
            lastWatermarkMs = t;
        }
    }

    /** A reusable batch of parsed interactions and their features (mutable; owned by one thread at a time). */
    private static final class Batch {
        final Interaction[] interactions;
        final InteractionFeatures[] features;
        int size;
        boolean last;
        /** What stopped the reader (a {@link RuntimeException} or an {@link Error}); null when none. */
        Throwable failure;

        Batch(int capacity) {
            interactions = new Interaction[capacity];
            features = new InteractionFeatures[capacity];
        }

        /** Empties the batch, dropping its references so that processed interactions can be collected. */
        void clear() {
            Arrays.fill(interactions, 0, size, null);
            Arrays.fill(features, 0, size, null);
            size = 0;
        }
    }
}
