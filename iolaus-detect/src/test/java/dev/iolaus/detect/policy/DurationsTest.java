package dev.iolaus.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parse_shortForms_giveDurations() {
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("forever")).isNull();
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }

    @Test
    void parse_garbage_isRejected() {
        assertThatThrownBy(() -> Durations.parse("24")).hasMessageContaining("invalid duration '24'");
        assertThatThrownBy(() -> Durations.parse("3 days")).hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> Durations.parse("-1h")).hasMessageContaining("invalid duration");
    }
}
