package dev.iolaus.flink;

import dev.iolaus.detect.spi.Detector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference: drives a detector directly, without Flink, as the engine and the harness do: events sorted by
 * time, and {@code onWatermark(tick)} after the last event of each tick that has events.
 */
final class InProcess {
    private InProcess() {
    }

    static List<Detection> run(Detector detector, List<StreamEvent> events, long tickMs) {
        List<StreamEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(StreamEvent::timeMs)); // stable: ties keep source order
        List<Detection> out = new ArrayList<>();
        DetectionSink sink = new DetectionSink(out::add);
        long tick = Long.MIN_VALUE;
        for (StreamEvent e : sorted) {
            long t = DetectorFunction.tickOf(e.timeMs(), tickMs);
            if (t != tick && tick != Long.MIN_VALUE) {
                detector.onWatermark(tick, sink);
            }
            tick = t;
            if (e.interaction() != null) {
                detector.onInteraction(e.interaction(), sink);
            } else {
                detector.onAccountEvent(e.accountEvent(), sink);
            }
        }
        if (tick != Long.MIN_VALUE) {
            detector.onWatermark(tick, sink);
        }
        return out;
    }
}
