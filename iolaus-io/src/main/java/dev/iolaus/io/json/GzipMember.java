package dev.iolaus.io.json;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One complete gzip member (RFC 1952) from a block of bytes, with no name and no time stamp, so the same bytes always
 * give the same member. Concatenated members are a valid gzip file, which is how blocks are compressed on several
 * cores ({@link ParallelGzipOutputStream}, the simulator's chunked writer).
 */
public final class GzipMember {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};
    private static final ThreadLocal<Deflater> DEFLATERS = new ThreadLocal<>();

    private GzipMember() {
    }

    /** A gzip member holding {@code data[0, len)}, deflated at {@code level} (1..9). */
    public static byte[] of(byte[] data, int len, int level) {
        Deflater d = DEFLATERS.get();
        if (d == null) {
            d = new Deflater(level, true);
            DEFLATERS.set(d);
        }
        d.reset();
        d.setLevel(level);
        d.setInput(data, 0, len);
        d.finish();
        byte[] buf = new byte[len / 2 + 256];
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        int pos = HEADER.length;
        while (!d.finished()) {
            if (pos == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            pos += d.deflate(buf, pos, buf.length - pos);
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, len);
        if (buf.length - pos < 8) {
            buf = Arrays.copyOf(buf, pos + 8);
        }
        putIntLe(buf, pos, (int) crc.getValue());
        putIntLe(buf, pos + 4, len);
        return Arrays.copyOf(buf, pos + 8);
    }

    private static void putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
