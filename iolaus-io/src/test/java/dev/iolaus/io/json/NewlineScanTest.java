package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time newline search finds the same index as a byte loop, at every offset and alignment. */
class NewlineScanTest {

    @Test
    void randomBuffers_scanned_matchByteLoop() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rep = 0; rep < 20_000; rep++) {
            byte[] b = new byte[r.nextInt(1, 40)];
            for (int i = 0; i < b.length; i++) {
                int k = r.nextInt(6);
                b[i] = (byte) (k == 0 ? '\n' : k == 1 ? 0x0b : k == 2 ? 0x8a : k == 3 ? 0x09 : r.nextInt(256));
            }
            int from = r.nextInt(b.length);
            int to = r.nextInt(from, b.length + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(JsonlReader.indexOfNewline(b, from, to)).isEqualTo(expected);
        }
    }
}
