package dev.iolaus.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An event behind the watermark is not fed to the detector and not lost: it comes out of the late side output. */
class LateEventsTest {
    private static final long BOUND_MS = 5_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void eventBehindWatermark_sentToLateOutput_detectorSeesTheRest() throws Exception {
        List<StreamEvent> onTime = new ArrayList<>();
        onTime.add(Events.signup("a", 0));
        for (long t = 1_000; t <= 120_000; t += 1_000) {
            onTime.add(Events.call("a", t, "sys", "q" + t));
        }
        StreamEvent late = Events.call("a", 10_500, "sys", "late");
        List<StreamEvent> arrival = new ArrayList<>(onTime);
        arrival.add(late); // arrives after 120 s of event time: 110 s behind, far past the 5 s bound

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DetectorFactory factory = DetectorFactory.named("rate-limit", Map.of("rpm", 30));
        DetectionJob job = DetectionJob.builder().detector(factory).outOfOrderness(Duration.ofMillis(BOUND_MS)).build();
        SingleOutputStreamOperator<Detection> out = job.attach(DetectionJob.source(env, arrival), everyEvent());
        CloseableIterator<Detection> detections = out.collectAsync();
        CloseableIterator<StreamEvent> lateOut = out.getSideOutput(DetectorFunction.LATE).collectAsync();
        env.execute("late-events");

        assertThat(drain(lateOut)).containsExactly(late);
        assertThat(drain(detections)).isNotEmpty()
                .containsExactlyElementsOf(InProcess.run(factory.create(), onTime, 60_000));
    }

    /** Bounded out-of-orderness, but a watermark after every event, so lateness does not depend on timing. */
    private static WatermarkStrategy<StreamEvent> everyEvent() {
        return WatermarkStrategy.<StreamEvent>forGenerator(ctx -> new WatermarkGenerator<>() {
            private long max = Long.MIN_VALUE + BOUND_MS + 1;

            @Override
            public void onEvent(StreamEvent e, long ts, WatermarkOutput output) {
                max = Math.max(max, ts);
                output.emitWatermark(new Watermark(max - BOUND_MS - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((e, previous) -> e.timeMs());
    }

    private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
        List<T> all = new ArrayList<>();
        try (it) {
            it.forEachRemaining(all::add);
        }
        return all;
    }
}
