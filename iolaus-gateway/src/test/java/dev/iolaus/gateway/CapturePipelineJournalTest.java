package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.capture.CapturePipeline;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the engine stalled, events overflow the bounded queue into the journal; once the engine resumes every one
 * arrives. Drives the pipeline directly with 100k interactions (100k HTTP calls would take too long for the suite;
 * the HTTP path offers into the same {@code offer}).
 */
class CapturePipelineJournalTest {

    static Interaction interaction(int n) {
        return new Interaction("evt-" + n, Instant.ofEpochMilli(1_700_000_000_000L + n), "acct-" + (n % 100),
                "key_x", null, "10.0.0." + (n % 250), "ua", null, ApiFlavour.OPENAI_CHAT, "m", null,
                List.of(Message.of(Role.USER, "prompt " + n)), null, new Usage(10, 20, 0), 3, 200, null);
    }

    @Test
    void engineStalled_100kOffered_all100kDeliveredAfterResume(@TempDir Path dir) throws Exception {
        CountDownLatch stall = new CountDownLatch(1);
        Set<String> got = ConcurrentHashMap.newKeySet();
        CapturePipeline p = new CapturePipeline(1_000, dir, i -> {
            try {
                stall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(i.eventId());
        });
        long t0 = System.nanoTime();
        for (int n = 0; n < 100_000; n++) {
            assertThat(p.offer(interaction(n))).isTrue();
        }
        long offerMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(p.stats().spilled()).isGreaterThan(90_000);
        stall.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (got.size() < 100_000 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        p.close();
        assertThat(got).hasSize(100_000);
        assertThat(p.stats().replayed()).isEqualTo(p.stats().spilled());
        System.out.println("capture: 100k offers in " + offerMs + " ms, spilled " + p.stats().spilled());
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void closedWhileStalled_queuedEventsReplayedOnNextStart(@TempDir Path dir) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CapturePipeline first = new CapturePipeline(100, dir, i -> {
            try {
                never.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int n = 0; n < 5_000; n++) {
            first.offer(interaction(n));
        }
        first.close();
        long deliveredBefore = first.stats().delivered();

        Set<String> got = ConcurrentHashMap.newKeySet();
        CapturePipeline second = new CapturePipeline(100, dir, i -> got.add(i.eventId()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (got.size() + deliveredBefore < 5_000 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        second.close();
        assertThat(got.size() + deliveredBefore).isEqualTo(5_000);
    }
}
