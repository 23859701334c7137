package dev.iolaus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production {@code iolaus} detector finds the same campaigns on Flink as in-process, on a simulated stream. */
class ScenarioSameAnswersTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void iolausDetector_smokeScenario_flinkEqualsInProcess() throws Exception {
        List<StreamEvent> events = simulate("smoke", 0.25);
        DetectorFactory factory = DetectorFactory.named("iolaus", Map.of());
        long t0 = System.nanoTime();
        List<Detection> expected = InProcess.run(factory.create(), events, 60_000);
        long t1 = System.nanoTime();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<Detection> actual = new ArrayList<>();
        CloseableIterator<Detection> it = DetectionJob.builder().detector(factory).build()
                .attach(DetectionJob.source(env, events)).executeAndCollect();
        try {
            it.forEachRemaining(actual::add);
        } finally {
            it.close();
        }
        System.out.printf("events=%d detections=%d in-process=%d ms flink=%d ms%n", events.size(), expected.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);

        assertThat(expected).anyMatch(d -> d instanceof Detection.CampaignUpdate);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<StreamEvent> simulate(String scenario, double scale) {
        List<StreamEvent> events = new ArrayList<>();
        try (EventSource src = Simulator.open(scenario, SimOptions.defaults().withScale(scale))) {
            for (SimEvent e = src.next(); e != null; e = src.next()) {
                events.add(switch (e) {
                    case SimEvent.Call c -> StreamEvent.of(c.interaction());
                    case SimEvent.Lifecycle l -> StreamEvent.of(l.event());
                });
            }
        }
        return events;
    }
}
