package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-written time formatting and parsing agree with java.time. */
class Rfc3339Test {

    @Test
    void randomInstants_formatted_matchJavaTimeAndParseBack() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long ms = r.nextLong(-62_000_000_000_000L, 253_000_000_000_000L);
            Instant t = Instant.ofEpochMilli(ms);
            String s = Rfc3339.formatMillis(ms);
            assertThat(Instant.parse(s)).isEqualTo(t);
            assertThat(Rfc3339.parse(s)).isEqualTo(t);
        }
    }

    @Test
    void offsetsAndOtherFractions_parsed_likeJavaTime() {
        assertThat(Rfc3339.parse("2026-04-01T14:00:00+02:00")).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
        assertThat(Rfc3339.parse("2026-04-01T12:00:00.123456Z")).isEqualTo(Instant.parse("2026-04-01T12:00:00.123456Z"));
        assertThat(Rfc3339.parse("2024-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void invalidDates_parsed_rejectedWithText() {
        assertThatThrownBy(() -> Rfc3339.parse("2026-02-30T00:00:00.000Z")).hasMessageContaining("2026-02-30");
        assertThatThrownBy(() -> Rfc3339.parse("2026-04-01 12:00:00")).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> Rfc3339.parse("2026-04-01T12:00:00.000")).isInstanceOf(IllegalArgumentException.class);
    }
}
