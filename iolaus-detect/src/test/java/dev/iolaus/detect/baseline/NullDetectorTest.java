package dev.iolaus.detect.baseline;

import static dev.iolaus.detect.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NullDetectorTest {
    @Test
    void onInteraction_anything_neverFlags() {
        NullDetector d = new NullDetector();
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 1000; i++) {
            d.onInteraction(call().at(1_700_000_000_000L + i).build(), out);
        }
        assertThat(out.flags).isEmpty();
        assertThat(d.accountScores()).isEmpty();
        assertThat(d.emitsDecisions()).isFalse();
    }
}
