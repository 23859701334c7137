package dev.iolaus.io.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A fast raw DEFLATE encoder (RFC 1951) for JSON lines: greedy LZ77 with one hash probe per position, and one
 * dynamic-Huffman block per 32k symbols. Any inflater reads its output.
 *
 * <p>Why it exists: writing the simulator's {@code interactions.jsonl.gz} was bound by the JDK's zlib deflate at
 * level 1 (about 180 MB/s per core here, 60% of the simulator's CPU; see docs/benchmarks.md, "Simulator"), and no
 * faster DEFLATE library resolves from Maven Central here (a libdeflate JNI binding was tried and is not served).
 * This encoder trades some ratio for speed the way zlib-ng's "quick" strategy and libdeflate's level 1 do: a match
 * is taken as soon as four bytes repeat within the 32 KiB window, and only the start and the end of each match are
 * hashed. Not thread-safe; one instance per thread.
 */
final class FastDeflate {
    private static final int WINDOW = 32768;
    private static final int HASH_BITS = 16;
    private static final int MAX_MATCH = 258;
    /** Shortest match taken; the hash covers exactly these bytes. 6 compressed JSON lines better than 4, and faster. */
    private static final int MIN = 6;
    private static final int SHIFT = 64 - 8 * MIN;
    private static final int BLOCK_SYMBOLS = 1 << 15;
    private static final int MATCH_FLAG = 0x80000000;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] head = new int[1 << HASH_BITS];
    private final int[] symbols = new int[BLOCK_SYMBOLS];
    private final int[] litFreq = new int[286];
    private final int[] distFreq = new int[30];
    private final HuffmanCode lit = new HuffmanCode(286, 15);
    private final HuffmanCode dist = new HuffmanCode(30, 15);
    private final DeflateHeader header = new DeflateHeader();
    private int count;
    private byte[] buf;
    private byte[] kept;
    private int pos;
    private long bits;
    private int nbits;

    /**
     * Deflates {@code in[off, off+len)} into an array, after {@code prefix} bytes left free for the caller; returns
     * that array and sets {@link #size()} to the number of bytes used in it. With {@code out} null, the encoder's own
     * buffer is used and kept for the next call (the caller copies out what it keeps before calling again).
     */
    byte[] deflate(byte[] in, int off, int len, byte[] out, int prefix) {
        buf = out != null ? out : kept != null ? kept : new byte[len / 3 + 1024];
        pos = prefix;
        ensure(16);
        bits = 0;
        nbits = 0;
        count = 0;
        Arrays.fill(head, -1);
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int end = off + len;
        int p = off;
        int lastHashable = end - 8;
        while (p <= lastHashable) {
            long cur = (long) LONG.get(in, p) << SHIFT;
            int h = hash(cur);
            int cand = head[h];
            head[h] = p;
            if (cand >= 0 && p - cand <= WINDOW && ((long) LONG.get(in, cand) << SHIFT) == cur) {
                int m = MIN + matchLength(in, cand + MIN, p + MIN, Math.min(end, p + MAX_MATCH));
                int d = p - cand;
                int lc = DeflateTables.LEN_CODE[m - 3];
                litFreq[257 + lc]++;
                distFreq[DeflateTables.distCode(d - 1)]++;
                symbols[count++] = MATCH_FLAG | ((m - 3) << 16) | (d - 1);
                p += m;
                // hash the match's last position too, so that a repeat of what follows it is found
                int tail = p - 1;
                if (tail <= lastHashable) {
                    head[hash((long) LONG.get(in, tail) << SHIFT)] = tail;
                }
            } else {
                int b = in[p] & 0xFF;
                litFreq[b]++;
                symbols[count++] = b;
                p++;
            }
            if (count == BLOCK_SYMBOLS) {
                flushBlock(false);
            }
        }
        while (p < end) {
            int b = in[p++] & 0xFF;
            litFreq[b]++;
            symbols[count++] = b;
            if (count == BLOCK_SYMBOLS) {
                flushBlock(false);
            }
        }
        flushBlock(true);
        if (nbits > 0) {
            ensure(8);
            while (nbits > 0) {
                buf[pos++] = (byte) bits;
                bits >>>= 8;
                nbits -= 8;
            }
            nbits = 0;
        }
        if (out == null) {
            kept = buf;
        }
        return buf;
    }

    /** Bytes in the array returned by the last {@link #deflate}. */
    int size() {
        return pos;
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - HASH_BITS));
    }

    private static int matchLength(byte[] in, int a, int b, int limit) {
        int n = limit - b;
        if (n >= 8) {
            // most matches end within a word: settle those without the call below
            long x = (long) LONG.get(in, a) ^ (long) LONG.get(in, b);
            if (x != 0) {
                return Long.numberOfTrailingZeros(x) >>> 3;
            }
        }
        // Arrays.mismatch is a vectorised JDK intrinsic; long repeats (tool catalogs, system prompts) are common
        int k = Arrays.mismatch(in, a, a + n, in, b, b + n);
        return k < 0 ? n : k;
    }

    private void flushBlock(boolean last) {
        litFreq[256] = 1;
        forceTwo(litFreq);
        forceTwo(distFreq);
        lit.build(litFreq);
        dist.build(distFreq);
        // worst case 48 bits per symbol, plus the header
        ensure(count * 6 + 1024);
        put(last ? 1 : 0, 1);
        put(2, 2);
        header.write(this, lit.lengths, dist.lengths);
        int[] lc = lit.codes;
        int[] ll = lit.lengths;
        int[] dc = dist.codes;
        int[] dl = dist.lengths;
        for (int i = 0; i < count; i++) {
            int s = symbols[i];
            if (s >= 0) {
                put(lc[s], ll[s]);
            } else {
                int m3 = (s >>> 16) & 0xFF;
                int code = DeflateTables.LEN_CODE[m3];
                int sym = 257 + code;
                int extra = DeflateTables.LEN_EXTRA[code];
                put(lc[sym] | ((m3 - DeflateTables.LEN_BASE[code]) << ll[sym]), ll[sym] + extra);
                int d1 = s & 0x7FFF;
                int dcode = DeflateTables.distCode(d1);
                put(dc[dcode], dl[dcode]);
                int dextra = DeflateTables.DIST_EXTRA[dcode];
                if (dextra > 0) {
                    put(d1 - DeflateTables.DIST_BASE[dcode], dextra);
                }
            }
        }
        put(lc[256], ll[256]);
        count = 0;
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
    }

    /** A complete Huffman code needs two used symbols; an unused extra symbol costs nothing in the data. */
    private static void forceTwo(int[] freq) {
        int used = 0;
        for (int f : freq) {
            if (f > 0 && ++used == 2) {
                return;
            }
        }
        if (freq[0] == 0) {
            freq[0] = 1;
        }
        if (used == 0 || freq[1] == 0) {
            freq[1] = 1;
        }
    }

    /** Appends {@code n} (≤ 32) bits, least significant first. */
    void put(int value, int n) {
        bits |= (value & 0xFFFFFFFFL) << nbits;
        nbits += n;
        if (nbits >= 32) {
            INT.set(buf, pos, (int) bits);
            pos += 4;
            bits >>>= 32;
            nbits -= 32;
        }
    }

    private void ensure(int more) {
        if (buf.length - pos < more + 8) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more + 8));
        }
    }
}
