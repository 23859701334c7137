package dev.iolaus.detect.baseline;

import static dev.iolaus.detect.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitDetectorTest {
    private static final long T0 = 1_700_000_040_000L;

    @Test
    void onInteraction_moreThanRpmWithinAMinute_flagsOnceAtTheLimit() {
        RateLimitDetector d = new RateLimitDetector(DetectorContext.empty());
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 70; i++) {
            d.onInteraction(call().account("fast").at(T0 + i * 500L).build(), out);
        }
        assertThat(out.accounts()).containsExactly("fast");
        assertThat(out.flags.get(0).time().toEpochMilli()).isEqualTo(T0 + 60 * 500L);
        assertThat(d.accountScores().get("fast")).isGreaterThan(0.5);
    }

    @Test
    void onInteraction_onePerSecond_isUnderTheSlidingLimit() {
        RateLimitDetector d = new RateLimitDetector(DetectorContext.empty());
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 600; i++) {
            d.onInteraction(call().account("steady").at(T0 + i * 1_100L).build(), out);
        }
        assertThat(out.flags).isEmpty();
        assertThat(d.accountScores().get("steady")).isLessThan(0.5);
    }

    @Test
    void onInteraction_tokensAboveTpm_flagsEvenAtLowRequestRate() {
        RateLimitDetector d = new RateLimitDetector(DetectorContext.empty());
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 5; i++) {
            d.onInteraction(call().account("big").at(T0 + i * 5_000L).tokens(20_000, 10_000).build(), out);
        }
        assertThat(out.accounts()).containsExactly("big");
    }

    @Test
    void options_overrideTheDefaults() {
        RateLimitDetector d = new RateLimitDetector(new DetectorContext(null, Map.of("rpm", 5)));
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 6; i++) {
            d.onInteraction(call().at(T0 + i * 1_000L).build(), out);
        }
        assertThat(out.flags).hasSize(1);
    }

    @Test
    void onInteraction_accountsAreLimitedSeparately() {
        RateLimitDetector d = new RateLimitDetector(new DetectorContext(null, Map.of("rpm", 5)));
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 20; i++) {
            d.onInteraction(call().account("u" + (i % 4)).at(T0 + i * 1_000L).build(), out);
        }
        assertThat(out.flags).isEmpty();
    }

    @Test
    void constructor_nonPositiveLimit_isRejectedClearly() {
        assertThatThrownBy(() -> new RateLimitDetector(0, 10, 60_000)).hasMessageContaining("rpm");
    }

    @Test
    void registry_defaultDetectors_areRegisteredByName() {
        DetectorRegistry r = dev.iolaus.detect.Detectors.registry();
        assertThat(r.names()).startsWith("rate-limit", "ip-reputation", "per-account-content", "null");
        assertThat(r.create("rate-limit", DetectorContext.empty()).name()).isEqualTo("rate-limit");
    }
}
