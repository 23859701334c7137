package dev.iolaus.detect.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The memo returns exactly {@link Hash64#of}, for repeats, for strings sharing a slot, and for null. */
class HashCacheTest {

    @Test
    void of_repeatedStrings_sameValueAsHash64() {
        HashCache cache = new HashCache(16);
        String[] values = {"OpenAI/Python 1.109.2", "9eba8a7d791b76e9", "aurora-large", "", "t13d1516h2_8daaf6152771"};

        for (int round = 0; round < 3; round++) {
            for (String v : values) {
                // A new String each time, as parsing gives: the memo must compare contents, not identity.
                assertThat(cache.of(new String(v))).isEqualTo(Hash64.of(v));
            }
        }
    }

    @Test
    void of_stringsSharingOneSlot_eachItsOwnValue() {
        HashCache cache = new HashCache(1);

        assertThat(cache.of("a")).isEqualTo(Hash64.of("a"));
        assertThat(cache.of("b")).isEqualTo(Hash64.of("b"));
        assertThat(cache.of("a")).isEqualTo(Hash64.of("a"));
    }

    @Test
    void of_null_isZeroLikeHash64() {
        assertThat(new HashCache(4).of(null)).isZero().isEqualTo(Hash64.of(null));
    }

    @Test
    void new_slotsNotAPowerOfTwo_rejected() {
        assertThatThrownBy(() -> new HashCache(12)).isInstanceOf(IllegalArgumentException.class);
    }
}
