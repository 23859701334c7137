package dev.iolaus.detect.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.detect.features.Hash64;
import org.junit.jupiter.api.Test;

class HyperLogLogTest {
    @Test
    void estimate_smallAndLargeCardinalities_withinExpectedError() {
        HyperLogLog h = new HyperLogLog(6);
        for (int i = 0; i < 5; i++) {
            h.add(Hash64.mix(i));
            h.add(Hash64.mix(i));
        }
        assertThat(h.estimate()).isCloseTo(5, within(1.0));
        for (int i = 0; i < 10_000; i++) {
            h.add(Hash64.mix(i));
        }
        assertThat(h.estimate()).isCloseTo(10_000, within(4_000.0));
        assertThat(h.bytes()).isLessThanOrEqualTo(80);
    }
}
