package dev.iolaus.io.json;

import java.util.Arrays;

/**
 * A canonical, length-limited Huffman code for one DEFLATE alphabet (RFC 1951 §3.2.2), rebuilt from symbol
 * frequencies for every block. Codes are stored bit-reversed, ready for DEFLATE's least-significant-bit-first
 * packing.
 *
 * <p>Lengths come from the in-place minimum-redundancy algorithm of Moffat and Katajainen (1995) on the sorted
 * frequencies; lengths over the limit are then folded back with the count-shifting fix that miniz uses, which keeps
 * the code complete (Kraft sum exactly 1). A complete code matters: zlib's inflater refuses incomplete code sets.
 */
final class HuffmanCode {
    private final int limit;
    /** Code length per symbol (0 = unused). */
    final int[] lengths;
    /** Bit-reversed code per symbol. */
    final int[] codes;
    private final long[] sorted;
    private final int[] work;
    private final int[] perLength;

    HuffmanCode(int symbols, int limit) {
        this.limit = limit;
        this.lengths = new int[symbols];
        this.codes = new int[symbols];
        this.sorted = new long[symbols];
        this.work = new int[symbols];
        this.perLength = new int[Math.max(limit, 16) + 2];
    }

    /**
     * Builds the code for {@code freq[0, symbols)}. At least two symbols must have a non-zero frequency (callers
     * force that), so that the code is complete.
     */
    void build(int[] freq) {
        int n = 0;
        for (int s = 0; s < lengths.length; s++) {
            lengths[s] = 0;
            if (freq[s] > 0) {
                // frequency in the high bits, symbol in the low bits: ties broken by symbol, so output is stable
                sorted[n++] = ((long) freq[s] << 16) | s;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("a Huffman code needs at least two used symbols, got " + n);
        }
        Arrays.sort(sorted, 0, n);
        for (int i = 0; i < n; i++) {
            work[i] = (int) (sorted[i] >>> 16);
        }
        minimumRedundancy(work, n);
        limitLengths(n);
        // work[] is now unused; assign lengths from the longest (rarest symbols first) to the shortest
        int i = 0;
        for (int len = limit; len >= 1; len--) {
            for (int k = perLength[len]; k > 0; k--) {
                lengths[(int) (sorted[i++] & 0xFFFF)] = len;
            }
        }
        assignCodes();
    }

    /** Moffat-Katajainen: turns ascending frequencies {@code a[0, n)} into code lengths, longest first. */
    private static void minimumRedundancy(int[] a, int n) {
        a[0] += a[1];
        int root = 0;
        int leaf = 2;
        for (int next = 1; next < n - 1; next++) {
            if (leaf >= n || a[root] < a[leaf]) {
                a[next] = a[root];
                a[root++] = next;
            } else {
                a[next] = a[leaf++];
            }
            if (leaf >= n || (root < next && a[root] < a[leaf])) {
                a[next] += a[root];
                a[root++] = next;
            } else {
                a[next] += a[leaf++];
            }
        }
        a[n - 2] = 0;
        for (int next = n - 3; next >= 0; next--) {
            a[next] = a[a[next]] + 1;
        }
        int avail = 1;
        int used = 0;
        int depth = 0;
        int root2 = n - 2;
        int next = n - 1;
        while (avail > 0) {
            while (root2 >= 0 && a[root2] == depth) {
                used++;
                root2--;
            }
            while (avail > used) {
                a[next--] = depth;
                avail--;
            }
            avail = 2 * used;
            depth++;
            used = 0;
        }
    }

    /** Counts codes per length, folding lengths over the limit back while keeping the Kraft sum at exactly 1. */
    private void limitLengths(int n) {
        Arrays.fill(perLength, 0);
        for (int i = 0; i < n; i++) {
            perLength[Math.min(work[i], limit)]++;
        }
        long total = 0;
        for (int len = 1; len <= limit; len++) {
            total += (long) perLength[len] << (limit - len);
        }
        while (total != 1L << limit) {
            perLength[limit]--;
            for (int len = limit - 1; len > 0; len--) {
                if (perLength[len] != 0) {
                    perLength[len]--;
                    perLength[len + 1] += 2;
                    break;
                }
            }
            total--;
        }
    }

    private void assignCodes() {
        int[] next = new int[limit + 2];
        int code = 0;
        for (int len = 1; len <= limit; len++) {
            code = (code + perLength[len - 1]) << 1;
            next[len] = code;
        }
        // perLength[0] is 0 after limitLengths, so next[1] = 0 as RFC 1951 requires
        for (int s = 0; s < lengths.length; s++) {
            int len = lengths[s];
            if (len != 0) {
                codes[s] = Integer.reverse(next[len]++) >>> (32 - len);
            }
        }
    }
}
