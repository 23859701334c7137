package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Block-parallel gzip: standard readers read it, and the bytes do not depend on the thread count. */
class ParallelGzipOutputStreamTest {

    private static byte[] gzip(byte[] data, int threads, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream g = new ParallelGzipOutputStream(out, 1, threads)) {
            for (int off = 0; off < data.length; off += chunk) {
                g.write(data, off, Math.min(chunk, data.length - off));
                if (off % (chunk * 7) == 0) {
                    g.flush();
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void multiBlockData_compressed_readBackByGzipInputStreamSameBytesAnyThreads() throws Exception {
        byte[] data = new byte[ParallelGzipOutputStream.BLOCK * 3 + 12345];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + r.nextInt(8));
        }
        byte[] one = gzip(data, 1, 1000);
        byte[] three = gzip(data, 3, 77_777);
        assertThat(three).isEqualTo(one);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(one))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void nothingWritten_closed_isValidEmptyGzip() throws Exception {
        byte[] gz = gzip(new byte[0], 2, 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
