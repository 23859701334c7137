package dev.iolaus.flink;

import dev.iolaus.detect.spi.Detector;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Hosts one {@link Detector} per key and drives it in event time: events in time order, then
 * {@link Detector#onWatermark} once per tick.
 *
 * <p>Flink delivers elements in arrival order, which may be out of order within the watermark bound, while a detector
 * needs event-time order. So each element waits in a buffer until an event-time timer at the end of its tick (the
 * first multiple of {@code tickMs} at or after its time) fires; the timer then feeds every buffered event up to the
 * tick, sorted by time (ties in arrival order), and calls {@code onWatermark(tick)}. Ticks with no event do not
 * fire. An element at or behind the current watermark is late: it goes to {@link #LATE} unprocessed, never dropped
 * silently.
 *
 * <p>Parallelism: the key is the tenant (one deployment's traffic), because cross-account detection needs every
 * account of a tenant in one detector. A tenant therefore runs on one subtask; tenants spread over subtasks.
 *
 * <p>State: the detector and the buffer live on the heap of the subtask and are not checkpointed (detectors have no
 * snapshot SPI yet); a restart replays the stream from its source. Checkpointed state comes with the scale-out work.
 */
public final class DetectorFunction extends KeyedProcessFunction<String, StreamEvent, Detection> {
    private static final long serialVersionUID = 1L;

    /** Side output of elements that arrived behind the watermark. */
    public static final OutputTag<StreamEvent> LATE = new OutputTag<>("late-events") { };

    private final DetectorFactory factory;
    private final long tickMs;
    private transient Map<String, KeyState> states;

    /** A function creating its detectors with {@code factory} and ticking every {@code tickMs} of event time. */
    public DetectorFunction(DetectorFactory factory, long tickMs) {
        this.factory = Objects.requireNonNull(factory, "factory");
        if (tickMs <= 0) {
            throw new IllegalArgumentException("tick must be > 0 ms, was " + tickMs);
        }
        this.tickMs = tickMs;
    }

    @Override
    public void open(OpenContext openContext) {
        states = new HashMap<>();
    }

    @Override
    public void processElement(StreamEvent event, Context ctx, Collector<Detection> out) {
        long t = event.timeMs();
        if (t <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, event);
            return;
        }
        KeyState s = states.computeIfAbsent(ctx.getCurrentKey(), k -> new KeyState(factory.create()));
        s.buffer.add(new Pending(t, s.seq++, event));
        ctx.timerService().registerEventTimeTimer(tickOf(t, tickMs));
    }

    @Override
    public void onTimer(long tick, OnTimerContext ctx, Collector<Detection> out) {
        KeyState s = states.get(ctx.getCurrentKey());
        if (s == null) {
            return;
        }
        s.sink.retarget(out::collect);
        while (!s.buffer.isEmpty() && s.buffer.peek().timeMs <= tick) {
            StreamEvent e = s.buffer.poll().event;
            if (e.interaction() != null) {
                s.detector.onInteraction(e.interaction(), s.sink);
            } else {
                s.detector.onAccountEvent(e.accountEvent(), s.sink);
            }
        }
        s.detector.onWatermark(tick, s.sink);
    }

    /** The end of the tick holding {@code timeMs}: the first multiple of {@code tickMs} at or after it. */
    public static long tickOf(long timeMs, long tickMs) {
        return Math.ceilDiv(timeMs, tickMs) * tickMs;
    }

    /** One key's detector, its output adapter and its not-yet-due events. */
    private static final class KeyState {
        final Detector detector;
        final DetectionSink sink = new DetectionSink(d -> { });
        final PriorityQueue<Pending> buffer = new PriorityQueue<>((a, b) -> a.timeMs != b.timeMs
                ? Long.compare(a.timeMs, b.timeMs) : Long.compare(a.seq, b.seq));
        long seq;

        KeyState(Detector detector) {
            this.detector = detector;
        }
    }

    private record Pending(long timeMs, long seq, StreamEvent event) {
    }
}
