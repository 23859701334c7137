package dev.iolaus.io.json;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One complete gzip member (RFC 1952) from a block of bytes, with no name and no time stamp, so the same bytes always
 * give the same member. Concatenated members are a valid gzip file, which is how blocks are compressed on several
 * cores ({@link ParallelGzipOutputStream}, the simulator's chunked writer).
 *
 * <p>Level 1 (the fastest, and what every writer in Iolaus uses) runs {@link FastDeflate}, about twice as fast as
 * the JDK's zlib at level 1 for a slightly larger file; levels 2 to 9 run the JDK's zlib.
 */
public final class GzipMember {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};
    private static final ThreadLocal<Deflater> DEFLATERS = new ThreadLocal<>();
    private static final ThreadLocal<FastDeflate> FAST = ThreadLocal.withInitial(FastDeflate::new);

    private GzipMember() {
    }

    /** A gzip member holding {@code data[0, len)}, deflated at {@code level} (1..9). */
    public static byte[] of(byte[] data, int len, int level) {
        if (level == 1) {
            return fast(data, len);
        }
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
        return withTrailer(buf, pos, data, len);
    }

    private static byte[] fast(byte[] data, int len) {
        FastDeflate f = FAST.get();
        // the encoder keeps its output buffer between calls: one exact-size copy per member, no regrowth
        byte[] buf = f.deflate(data, 0, len, null, HEADER.length);
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        int pos = f.size();
        return withTrailer(buf, pos, data, len);
    }

    /** The member's bytes: {@code buf[0, pos)} followed by the CRC-32 and the length of the uncompressed data. */
    private static byte[] withTrailer(byte[] buf, int pos, byte[] data, int len) {
        CRC32 crc = new CRC32();
        crc.update(data, 0, len);
        byte[] member = Arrays.copyOf(buf, pos + 8);
        putIntLe(member, pos, (int) crc.getValue());
        putIntLe(member, pos + 4, len);
        return member;
    }

    private static void putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
