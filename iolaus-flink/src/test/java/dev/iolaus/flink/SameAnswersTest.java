package dev.iolaus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.spi.DetectorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Same code, same answers": a detector run by the Flink job reports exactly what the same detector reports when
 * driven in-process on the same events, in the same order with the same times, even when Flink receives the events
 * out of order (within the watermark bound).
 */
class SameAnswersTest {
    private static final long TICK_MS = 60_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void burstDetector_campaignAcrossSixAccounts_flinkEqualsInProcess() throws Exception {
        List<StreamEvent> events = templatedCampaign();
        DetectorFactory factory = () -> Detectors.registry().copy()
                .register(BurstDetector.NAME, BurstDetector::new)
                .create(BurstDetector.NAME, new DetectorContext(null, Map.of("calls", 8)));

        List<Detection> expected = InProcess.run(factory.create(), events, TICK_MS);
        List<Detection> actual = runOnFlink(factory, jitter(events));

        assertThat(expected).filteredOn(d -> d instanceof Detection.Flag).hasSize(6);
        assertThat(expected).anyMatch(d -> d instanceof Detection.CampaignUpdate)
                .anyMatch(d -> d instanceof Detection.DecisionMade);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void rateLimitDetector_fromRegistryByName_flinkEqualsInProcess() throws Exception {
        List<StreamEvent> events = templatedCampaign();
        DetectorFactory factory = DetectorFactory.named("rate-limit", Map.of("rpm", 10));

        List<Detection> expected = InProcess.run(factory.create(), events, TICK_MS);
        List<Detection> actual = runOnFlink(factory, jitter(events));

        assertThat(expected).isNotEmpty().allMatch(d -> d instanceof Detection.Flag);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<Detection> runOnFlink(DetectorFactory factory, List<StreamEvent> events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2); // the collection source itself runs as one subtask, so arrival order is fixed
        DetectionJob job = DetectionJob.builder().detector(factory).tick(Duration.ofMillis(TICK_MS))
                .outOfOrderness(Duration.ofSeconds(5)).build();
        return job.attach(DetectionJob.source(env, events)).executeAndCollect(10_000);
    }

    /**
     * Six accounts sign up and send templated maths prompts every 4-7 s for 10 minutes; three benign accounts send
     * a few varied questions. Times are deterministic.
     */
    private static List<StreamEvent> templatedCampaign() {
        Random rnd = new Random(7);
        List<StreamEvent> events = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            String acct = "camp-" + a;
            events.add(Events.signup(acct, a * 1_000L));
            for (long t = 10_000 + a * 700L; t < 600_000; t += 4_000 + rnd.nextInt(3_000)) {
                events.add(Events.call(acct, t, "You are a careful maths tutor. Show every step.",
                        "Problem " + t + ": integrate x^" + (t % 7) + " dx. Think step by step."));
            }
        }
        for (int b = 0; b < 3; b++) {
            String acct = "user-" + b;
            events.add(Events.signup(acct, 2_000L + b));
            for (int k = 0; k < 4; k++) {
                events.add(Events.call(acct, 30_000L + b * 50_000L + k * 90_000L, "You are helpful.",
                        "question " + k + " from " + acct));
            }
        }
        events.sort((x, y) -> Long.compare(x.timeMs(), y.timeMs()));
        return events;
    }

    /** Swaps neighbours less than two seconds apart: out of order, but within the five-second watermark bound. */
    private static List<StreamEvent> jitter(List<StreamEvent> sorted) {
        List<StreamEvent> out = new ArrayList<>(sorted);
        int swaps = 0;
        for (int i = 1; i < out.size(); i += 2) {
            if (out.get(i).timeMs() - out.get(i - 1).timeMs() < 2_000) {
                StreamEvent tmp = out.get(i);
                out.set(i, out.get(i - 1));
                out.set(i - 1, tmp);
                swaps++;
            }
        }
        assertThat(swaps).as("jittered pairs").isGreaterThan(10);
        return out;
    }
}
