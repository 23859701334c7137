package dev.iolaus.detect.baseline;

import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Interaction;
import java.util.Map;

/** The floor: sees everything and flags nothing, so every campaign leaks in full. */
public final class NullDetector implements Detector {
    /** Registry name. */
    public static final String NAME = "null";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        // Deliberately nothing: this is the no-detection baseline.
    }

    @Override
    public Map<String, Double> accountScores() {
        return Map.of();
    }
}
