package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Interaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineQueueTest {
    /** Holds the engine thread on its first event until released, so the queue fills deterministically. */
    private static final class Gate implements Detector {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();

        @Override
        public String name() {
            return "gate";
        }

        @Override
        public void onInteraction(Interaction i, Findings out) {
            if (seen.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Map<String, Double> accountScores() {
            return Map.of();
        }
    }

    @Test
    void fullQueue_refusesWithoutBlocking_andEverythingTakenIsProcessed() throws Exception {
        Gate gate = new Gate();
        Engine engine = new Engine(List.of(gate), Policy.of(List.of()));
        EngineQueue q = new EngineQueue(engine, 2, null, 50, 0);

        assertThat(q.offer(call("a", 0, "192.0.2.1", null, null))).isTrue();
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(q.offer(call("a", 1, "192.0.2.1", null, null))).isTrue();
        assertThat(q.offer(call("a", 2, "192.0.2.1", null, null))).isTrue();
        boolean fourth = q.offer(call("a", 3, "192.0.2.1", null, null));
        gate.release.countDown();
        q.close();

        assertThat(fourth).isFalse();
        assertThat(q.rejected()).isEqualTo(1);
        assertThat(gate.seen.get()).isEqualTo(3);
        assertThat(engine.stats().interactions()).isEqualTo(3);
    }

    @Test
    void idleEngine_advancesWatermarkFromTheInjectedClock() throws Exception {
        Engine engine = new Engine(List.of(), Policy.of(List.of()));
        long[] now = {1_000_000};
        EngineQueue q = new EngineQueue(engine, 16, () -> now[0], 5, 0);
        q.offer(call("a", 0, "192.0.2.1", null, null));
        now[0] = call("a", 0, null, null, null).timeMs() + 10 * 60_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.stats().watermarkMs() < now[0] && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        q.close();

        assertThat(engine.stats().watermarkMs()).isEqualTo(now[0]);
    }
}
