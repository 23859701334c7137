package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The fast DEFLATE encoder's output inflates, with zlib, to exactly its input, whatever the input. */
class FastDeflateTest {
    private final FastDeflate deflater = new FastDeflate();

    @Test
    void deflate_emptyInput_inflatesToNothing() {
        assertRoundTrip(new byte[0]);
    }

    @Test
    void deflate_tinyInputs_roundTrip() {
        for (int n = 1; n <= 12; n++) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) 'a');
            assertRoundTrip(b);
            for (int i = 0; i < n; i++) {
                b[i] = (byte) i;
            }
            assertRoundTrip(b);
        }
    }

    @Test
    void deflate_randomBytes_roundTripWithLittleExpansion() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {100, 4096, 70_000, 300_000}) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) r.nextInt(256);
            }
            byte[] z = assertRoundTrip(b);
            // incompressible data: dynamic blocks cost at most a few percent over the raw bytes
            assertThat(z.length).isLessThan(n + n / 20 + 600);
        }
    }

    @Test
    void deflate_longRunsAndMaximalMatches_roundTrip() {
        byte[] b = new byte[200_000];
        Arrays.fill(b, (byte) 'x');
        byte[] z = assertRoundTrip(b);
        assertThat(z.length).isLessThan(2_000);
        // a pattern repeated exactly at the edge of the 32 KiB window
        SplittableRandom r = new SplittableRandom(2);
        byte[] unit = new byte[32_768];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (byte) r.nextInt(256);
        }
        byte[] twice = new byte[unit.length * 3];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(unit, 0, twice, k * unit.length, unit.length);
        }
        byte[] zz = assertRoundTrip(twice);
        assertThat(zz.length).isLessThan(unit.length + unit.length / 5);
    }

    @Test
    void deflate_smallAlphabetsOfManyLengths_roundTrip() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = r.nextInt(1, 5_000);
            int alphabet = r.nextInt(1, 6);
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) ('a' + r.nextInt(alphabet));
            }
            assertRoundTrip(b);
        }
    }

    @Test
    void deflate_skewedFrequencies_limitsCodeLengthsAndRoundTrips() {
        // Fibonacci-like counts force Huffman depths past 15 bits unless lengths are limited
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        long a = 1;
        long c = 1;
        for (int s = 0; s < 30; s++) {
            for (long k = 0; k < Math.min(a, 200_000); k++) {
                o.write(s * 7);
            }
            long t = a + c;
            a = c;
            c = t;
        }
        byte[] b = o.toByteArray();
        // shuffle so that matches do not swallow the skew
        SplittableRandom r = new SplittableRandom(4);
        for (int i = b.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        assertRoundTrip(b);
    }

    @Test
    void deflate_jsonLinesManyBlocks_roundTripAndCompress() {
        StringBuilder s = new StringBuilder();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            s.append("{\"event_id\":\"i-").append(Long.toHexString(r.nextLong())).append("\",\"model\":\"aurora-")
                    .append(r.nextBoolean() ? "large" : "mini").append("\",\"usage\":{\"input_tokens\":")
                    .append(r.nextInt(5000)).append("}}\n");
        }
        byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] z = assertRoundTrip(b);
        assertThat(z.length).isLessThan(b.length / 2);
    }

    @Test
    void gzipMember_levelOne_readsBackWithGzipInputStream() throws IOException {
        byte[] b = "hello hello hello gzip\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] member = GzipMember.of(b, b.length, 1);
        byte[] twice = new byte[member.length * 2];
        System.arraycopy(member, 0, twice, 0, member.length);
        System.arraycopy(member, 0, twice, member.length, member.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(twice))) {
            assertThat(in.readAllBytes()).hasSize(2 * b.length);
        }
    }

    private byte[] assertRoundTrip(byte[] input) {
        byte[] out = deflater.deflate(input, 0, input.length, new byte[16], 0);
        byte[] z = Arrays.copyOf(out, deflater.size());
        Inflater inf = new Inflater(true);
        inf.setInput(z);
        byte[] back = new byte[input.length + 16];
        int n = 0;
        try {
            while (!inf.finished()) {
                int k = inf.inflate(back, n, back.length - n);
                n += k;
                if (k == 0 && (inf.needsInput() || inf.needsDictionary()) && !inf.finished()) {
                    throw new AssertionError("stream ended early after " + n + " of " + input.length + " bytes");
                }
            }
        } catch (DataFormatException e) {
            throw new AssertionError("zlib rejected the stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
        assertThat(Arrays.copyOf(back, n)).isEqualTo(input);
        return z;
    }
}
