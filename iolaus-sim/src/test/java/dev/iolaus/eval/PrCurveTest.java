package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.eval.EvalReport.PrPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrCurveTest {
    @Test
    void prCurve_fourAccounts_givesOnePointPerThresholdAndAveragePrecision() {
        PrCurve pr = PrCurve.of(List.of("p1", "n1", "p2", "n2"), Map.of("p1", 0.9, "n1", 0.8, "p2", 0.7),
                id -> id.startsWith("p"));
        assertThat(pr.points()).containsExactly(new PrPoint(0.9, 1.0, 0.5), new PrPoint(0.8, 0.5, 0.5),
                new PrPoint(0.7, 2 / 3.0, 1.0), new PrPoint(0.0, 0.5, 1.0));
        assertThat(pr.averagePrecision()).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-12));
    }

    @Test
    void prCurve_tiedScores_shareOnePoint() {
        PrCurve pr = PrCurve.of(List.of("p1", "n1"), Map.of("p1", 0.5, "n1", 0.5), id -> id.startsWith("p"));
        assertThat(pr.points()).containsExactly(new PrPoint(0.5, 0.5, 1.0));
    }

    @Test
    void prCurve_noPositives_isEmpty() {
        PrCurve pr = PrCurve.of(List.of("n1"), Map.of(), id -> false);
        assertThat(pr.points()).isEmpty();
        assertThat(pr.averagePrecision()).isNull();
    }
}
