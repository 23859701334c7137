package dev.iolaus.flink;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Wires a detection pipeline onto a {@link DataStream} of {@link StreamEvent}s: bounded out-of-orderness
 * watermarks, a key per tenant, and a {@link DetectorFunction}; the caller adds the source and the sinks.
 *
 * <pre>{@code
 * DetectionJob job = DetectionJob.builder().detector(DetectorFactory.named("iolaus", Map.of())).build();
 * SingleOutputStreamOperator<Detection> out = job.attach(DetectionJob.source(env, events));
 * out.sinkTo(...);                                   // findings, campaigns, decisions, in detector order
 * out.getSideOutput(DetectorFunction.LATE).sinkTo(...); // events behind the watermark, never dropped silently
 * }</pre>
 *
 * @param detector creates the detector each tenant runs
 * @param tenant the key every event is routed by: one detector sees all accounts of a tenant
 * @param tick event time between {@link dev.iolaus.detect.spi.Detector#onWatermark} calls
 * @param outOfOrderness how far behind the newest event an event may arrive and still be processed
 */
public record DetectionJob(DetectorFactory detector, String tenant, Duration tick, Duration outOfOrderness) {
    public DetectionJob {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(tenant, "tenant");
        if (tick.toMillis() <= 0 || outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("tick must be >= 1 ms and outOfOrderness >= 0, were " + tick + ", "
                    + outOfOrderness);
        }
    }

    /** A builder with tenant {@code default}, a one-minute tick and five seconds of out-of-orderness. */
    public static Builder builder() {
        return new Builder();
    }

    /** Flink's type information for stream events: a POJO type (Flink 2 reads records field by field), no Kryo. */
    public static TypeInformation<StreamEvent> eventType() {
        return TypeInformation.of(StreamEvent.class);
    }

    /** A bounded source over an in-memory list, for tests and small replays (Kafka comes with scale-out). */
    public static DataStream<StreamEvent> source(StreamExecutionEnvironment env, List<StreamEvent> events) {
        return env.fromData(events, eventType()).name("events");
    }

    /** Flink's bounded out-of-orderness watermarks (emitted periodically) over the events' own times. */
    public WatermarkStrategy<StreamEvent> watermarks() {
        return WatermarkStrategy.<StreamEvent>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((e, previous) -> e.timeMs());
    }

    /** Adds timestamps and {@link #watermarks()}, keys by tenant and runs the detector; returns its output. */
    public SingleOutputStreamOperator<Detection> attach(DataStream<StreamEvent> events) {
        return attach(events, watermarks());
    }

    /**
     * As {@link #attach(DataStream)} with another watermark strategy (e.g. one that emits on every event); its
     * timestamp assigner must give each event its {@link StreamEvent#timeMs()}.
     */
    public SingleOutputStreamOperator<Detection> attach(DataStream<StreamEvent> events,
                                                        WatermarkStrategy<StreamEvent> watermarks) {
        String key = tenant;
        return events
                .assignTimestampsAndWatermarks(watermarks).name("event-time")
                .keyBy(e -> key, TypeInformation.of(String.class))
                .process(new DetectorFunction(detector, tick.toMillis()), TypeInformation.of(Detection.class))
                .name("detect");
    }

    /** Builds a {@link DetectionJob}. */
    public static final class Builder {
        private DetectorFactory detector;
        private String tenant = "default";
        private Duration tick = Duration.ofMinutes(1);
        private Duration outOfOrderness = Duration.ofSeconds(5);

        private Builder() {
        }

        /** The detector to run (required). */
        public Builder detector(DetectorFactory factory) {
            this.detector = factory;
            return this;
        }

        /** The tenant key. */
        public Builder tenant(String name) {
            this.tenant = name;
            return this;
        }

        /** Event time between watermark calls on the detector. */
        public Builder tick(Duration d) {
            this.tick = d;
            return this;
        }

        /** The watermark's bound on out-of-order arrival. */
        public Builder outOfOrderness(Duration d) {
            this.outOfOrderness = d;
            return this;
        }

        /** The job. */
        public DetectionJob build() {
            return new DetectionJob(detector, tenant, tick, outOfOrderness);
        }
    }
}
