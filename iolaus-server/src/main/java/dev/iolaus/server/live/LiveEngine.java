package dev.iolaus.server.live;

import dev.iolaus.detect.engine.Engine;
import dev.iolaus.detect.engine.EngineListener;
import dev.iolaus.detect.engine.EngineOptions;
import dev.iolaus.detect.engine.EngineQueue;
import dev.iolaus.detect.engine.EventClock;
import dev.iolaus.detect.policy.AttributeExtractor;
import dev.iolaus.detect.policy.DefaultAttributeExtractor;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The embedded engine of {@code iolaus serve}: the gateway's capture hook on one side, its {@link Enforcement} on
 * the other.
 *
 * <p>The gateway's capture consumer thread calls {@link #accept(Interaction)}; the interaction goes to an
 * {@link EngineQueue} drained by the engine thread. When that queue is full the capture thread waits (the hook may
 * block), so the gateway's own queue fills and spills to its journal: nothing is lost and the proxy never waits.
 * The engine runs on the interactions' own timestamps (gateway capture time); the wall clock only moves the
 * watermark when the gateway is idle, so decisions still expire. Decisions, expiries and campaigns are pushed to
 * the enforcement as they are made, on the engine thread, and to an optional extra listener (the decision log).
 */
public final class LiveEngine implements Consumer<Interaction>, AutoCloseable {
    /** Idle time after which the wall clock advances the engine's watermark. */
    private static final long IDLE_TICK_MS = 1_000;
    /** How far behind the newest event the watermark stays: live events arrive slightly out of order. */
    private static final long LATENESS_MS = 5_000;

    private final Engine engine;
    private final int queueCapacity;
    private final CountDownLatch attached = new CountDownLatch(1);
    private volatile EngineQueue queue;
    private volatile boolean closed;

    private LiveEngine(Engine engine, int queueCapacity) {
        this.engine = engine;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Builds the engine (not running until {@link #attach}).
     *
     * @param registry where detector names are resolved
     * @param detectorNames detectors to run (each must be registered)
     * @param policy the decision policy
     * @param context detector construction context (IP intelligence)
     * @param queueCapacity events waiting for the engine thread
     * @return the engine, ready to be attached
     */
    public static LiveEngine create(DetectorRegistry registry, List<String> detectorNames, Policy policy,
                                    DetectorContext context, int queueCapacity) {
        List<Detector> detectors = new ArrayList<>();
        AttributeExtractor extractor = new DefaultAttributeExtractor();
        for (String name : detectorNames) {
            Detector d = registry.create(name, context);
            detectors.add(d);
            // A detector with richer features (template signatures) lends them to cauterization, as in analyze.
            if (d instanceof AttributeExtractor x) {
                extractor = extractor.andThen(x);
            }
        }
        EngineOptions options = new EngineOptions(EngineOptions.DEFAULT.watermarkIntervalMs(), LATENESS_MS,
                EngineOptions.DEFAULT.maxAccounts());
        return new LiveEngine(new Engine(detectors, policy, extractor, options), queueCapacity);
    }

    /**
     * Starts the engine thread, pushing what the engine decides to {@code target} (and to {@code also}, if not
     * null), then feeds it the account events given (their payment fingerprints are linked in the enforcement too).
     * Interactions offered before this call wait for it.
     */
    public void attach(Enforcement target, EngineListener also, Iterable<AccountEvent> accountEvents) {
        Objects.requireNonNull(target, "target");
        engine.addListener(new EngineListener() {
            @Override
            public void onDecision(Decision d) {
                target.accept(d);
            }

            @Override
            public void onExpired(Decision d) {
                target.revoke(d.id());
            }

            @Override
            public void onCampaign(Campaign c) {
                target.linkCampaign(c.id(), c.accounts());
            }
        });
        if (also != null) {
            engine.addListener(also);
        }
        EventClock wall = System::currentTimeMillis;    // idle ticks only; detection reads event time
        queue = new EngineQueue(engine, queueCapacity, wall, IDLE_TICK_MS, LATENESS_MS);
        if (accountEvents != null) {
            for (AccountEvent e : accountEvents) {
                if (e.payment() != null && e.payment().fingerprintHash() != null) {
                    target.linkPayment(e.accountId(), e.payment().fingerprintHash());
                }
                while (!queue.offer(e)) {
                    LockSupport.parkNanos(200_000);
                }
            }
        }
        attached.countDown();
    }

    /** The capture hook: hands the interaction to the engine thread, waiting while its queue is full. */
    @Override
    public void accept(Interaction i) {
        try {
            if (!attached.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("engine not attached after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        }
        EngineQueue q = queue;
        while (!q.offer(i)) {
            if (closed) {
                // Thrown, the capture pipeline keeps the event (journal) instead of losing it.
                throw new IllegalStateException("engine stopped");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Events waiting for the engine thread. */
    public int backlog() {
        EngineQueue q = queue;
        return q == null ? 0 : q.backlog();
    }

    /** Events whose processing threw (skipped and counted), for health checks. */
    public long failures() {
        EngineQueue q = queue;
        return q == null ? 0 : q.failures();
    }

    /** The engine, for its counters (read from another thread: approximate). */
    public Engine engine() {
        return engine;
    }

    /** Processes what is queued, finishes the engine and stops its thread. */
    @Override
    public void close() {
        closed = true;
        EngineQueue q = queue;
        if (q != null) {
            q.close();
        }
    }
}
