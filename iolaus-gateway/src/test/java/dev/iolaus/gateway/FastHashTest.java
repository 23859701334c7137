package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.capture.FastHash;
import dev.iolaus.model.Hashes;
import org.junit.jupiter.api.Test;

/** The gateway's text hash is the model's {@link Hashes#textHash}, value for value; FNV-1a is the standard one. */
class FastHashTest {

    @Test
    void textHash_sameAsModel_forAsciiUnicodeAndEmpty() {
        for (String s : new String[] {"", "hello", "Ünïcödé ✓ 漢字", "x".repeat(10_000)}) {
            assertThat(FastHash.textHash(s)).isEqualTo(Hashes.textHash(s));
        }
    }

    @Test
    void fnv1a64_standardVectors_matchPublishedValues() {
        // Published FNV-1a 64-bit test vectors.
        assertThat(FastHash.hex64(FastHash.fnv1a64(""))).isEqualTo("cbf29ce484222325");
        assertThat(FastHash.hex64(FastHash.fnv1a64("a"))).isEqualTo("af63dc4c8601ec8c");
        assertThat(FastHash.hex64(FastHash.fnv1a64("foobar"))).isEqualTo("85944171f73967e8");
    }
}
