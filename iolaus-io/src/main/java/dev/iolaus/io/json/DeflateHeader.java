package dev.iolaus.io.json;

import java.util.Arrays;

/**
 * Writes the header of a dynamic-Huffman DEFLATE block (RFC 1951 §3.2.7): the literal/length and distance code
 * lengths, run-length encoded with symbols 16, 17 and 18 and themselves Huffman-coded.
 */
final class DeflateHeader {
    private static final int[] ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private final int[] all = new int[286 + 30];
    private final int[] rle = new int[286 + 30];
    private final int[] rleExtra = new int[286 + 30];
    private final int[] freq = new int[19];
    private final HuffmanCode codeLengths = new HuffmanCode(19, 7);

    void write(FastDeflate out, int[] litLengths, int[] distLengths) {
        int hlit = 286;
        while (hlit > 257 && litLengths[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distLengths[hdist - 1] == 0) {
            hdist--;
        }
        System.arraycopy(litLengths, 0, all, 0, hlit);
        System.arraycopy(distLengths, 0, all, hlit, hdist);
        int n = runLengths(hlit + hdist);
        codeLengths.build(freq);
        int hclen = 19;
        while (hclen > 4 && codeLengths.lengths[ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        out.put(hlit - 257, 5);
        out.put(hdist - 1, 5);
        out.put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            out.put(codeLengths.lengths[ORDER[i]], 3);
        }
        int[] codes = codeLengths.codes;
        int[] lens = codeLengths.lengths;
        for (int i = 0; i < n; i++) {
            int s = rle[i];
            out.put(codes[s], lens[s]);
            switch (s) {
                case 16 -> out.put(rleExtra[i], 2);
                case 17 -> out.put(rleExtra[i], 3);
                case 18 -> out.put(rleExtra[i], 7);
                default -> { }
            }
        }
    }

    /** Run-length encodes {@code all[0, total)} into {@code rle}/{@code rleExtra}, counting symbol frequencies. */
    private int runLengths(int total) {
        Arrays.fill(freq, 0);
        int n = 0;
        int i = 0;
        while (i < total) {
            int v = all[i];
            int run = 1;
            while (i + run < total && all[i + run] == v) {
                run++;
            }
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    n = emit(n, 18, r - 11);
                    run -= r;
                }
                if (run >= 3) {
                    n = emit(n, 17, run - 3);
                    run = 0;
                }
            } else {
                n = emit(n, v, 0);
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    n = emit(n, 16, r - 3);
                    run -= r;
                }
            }
            while (run-- > 0) {
                n = emit(n, v, 0);
            }
        }
        // the code-length code must be complete too: make sure two of its symbols are used
        int used = 0;
        for (int f : freq) {
            used += f > 0 ? 1 : 0;
        }
        if (used < 2) {
            freq[freq[0] == 0 ? 0 : 1]++;
        }
        return n;
    }

    private int emit(int n, int symbol, int extra) {
        rle[n] = symbol;
        rleExtra[n] = extra;
        freq[symbol]++;
        return n + 1;
    }
}
