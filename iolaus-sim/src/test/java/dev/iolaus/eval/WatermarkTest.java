package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {
    @Test
    void watermarks_oncePerSimulatedMinuteCrossedAndAtTheEnd_neverAheadOfEvents() {
        Fixture f = Fixture.builder().benign("b1", "chat").calls("b1", 0, 30, 61, 62, 200, 201);
        Scripted s = new Scripted();
        new EvalHarness(Scripted.registry(s), EvalOptions.defaults()).run(f, List.of("scripted"));
        List<Long> wm = s.watermarks();
        long start = Fixture.T0;
        long[] times = {0, 30_000, 61_000, 62_000, 200_000, 201_000};
        // Each watermark is a minute boundary at or before the event that triggered it.
        assertThat(wm).isSorted().doesNotHaveDuplicates();
        assertThat(wm.get(wm.size() - 1)).isEqualTo(start + times[5] + 1);
        for (long w : wm.subList(0, wm.size() - 1)) {
            assertThat(w % 60_000).isZero();
        }
        long minutesCrossed = Math.floorDiv(start + times[5], 60_000) - Math.floorDiv(start, 60_000);
        assertThat(wm).hasSizeLessThanOrEqualTo((int) minutesCrossed + 1).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.lateEvents()).isZero();
    }
}
