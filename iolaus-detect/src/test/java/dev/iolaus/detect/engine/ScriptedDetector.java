package dev.iolaus.detect.engine;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test detector that reports scripted campaigns, flags and decisions once event time reaches them. */
final class ScriptedDetector implements Detector {
    private final List<Object> script = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    final List<Long> watermarks = new ArrayList<>();
    int interactions;

    ScriptedDetector at(long ms, Object what) {
        times.add(ms);
        script.add(what);
        return this;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        interactions++;
    }

    @Override
    public void onWatermark(long nowMs, Findings out) {
        watermarks.add(nowMs);
        for (int k = 0; k < script.size(); k++) {
            if (times.get(k) != null && times.get(k) <= nowMs) {
                Object o = script.get(k);
                times.set(k, null);
                switch (o) {
                    case Campaign c -> out.campaign(c);
                    case AccountFinding f -> out.flag(f);
                    case Decision d -> out.decision(d);
                    default -> throw new IllegalStateException();
                }
            }
        }
    }

    @Override
    public Map<String, Double> accountScores() {
        return new HashMap<>();
    }
}
