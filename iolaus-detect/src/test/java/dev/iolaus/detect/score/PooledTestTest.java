package dev.iolaus.detect.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PooledTestTest {
    @Test
    void z_manyAccountsFewPromptsEach_moreEvidenceThanOneAccountWithSameCounts() {
        double pooled = PooledTest.z(60, 200, 0.08, 100, 0.1);
        double single = PooledTest.z(60, 200, 0.08, 1, 0.1);
        assertThat(pooled).isGreaterThan(8);
        assertThat(single).isLessThan(pooled / 3);
    }

    @Test
    void z_rateAtBaseline_nearZero() {
        assertThat(PooledTest.z(80, 1000, 0.08, 50, 0.1)).isCloseTo(0, within(1e-9));
    }

    @Test
    void normal_tailAndQuantile_roundTrip() {
        assertThat(Normal.upperTail(1.6449)).isCloseTo(0.05, within(1e-4));
        assertThat(Normal.upperQuantile(1e-6)).isCloseTo(4.753, within(1e-2));
        assertThat(Normal.upperTail(-3)).isCloseTo(0.99865, within(1e-4));
    }

    @Test
    void baseline_dispersion_higherWhenAccountsDiffer() {
        Baseline alike = new Baseline();
        Baseline differ = new Baseline();
        long[] n = new long[40];
        long[] same = new long[40];
        long[] split = new long[40];
        for (int i = 0; i < 40; i++) {
            n[i] = 100;
            same[i] = 10;
            split[i] = i % 2 == 0 ? 0 : 20;
        }
        alike.estimateDispersion(same, n, 40);
        differ.estimateDispersion(split, n, 40);
        assertThat(differ.rho()).isGreaterThan(alike.rho());
    }
}
