package dev.iolaus.detect.features;

/**
 * MinHash band keys over a small set of token hashes: two texts whose token sets overlap heavily share a band key
 * with high probability (Jaccard 0.6 gives 0.36 per 2-row band), so lightly paraphrased template frames collide
 * while unrelated texts almost never do.
 */
public final class MinHash {
    /** Rows per band. */
    public static final int ROWS = 2;
    private static final long[] SEEDS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L,
        0xD6E8FEB86659FD93L};

    private MinHash() {
    }

    /**
     * Computes two band keys (of {@link #ROWS} rows each) of the tokens {@code tokens[from..to)} that are not stop
     * words; writes them to {@code out[0..1]}. Both are 0 when fewer than {@code minTokens} tokens remain.
     */
    public static void bands(long[] tokens, boolean[] skip, int from, int to, int minTokens, long[] out) {
        long m0 = Long.MAX_VALUE;
        long m1 = Long.MAX_VALUE;
        long m2 = Long.MAX_VALUE;
        long m3 = Long.MAX_VALUE;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (skip[i]) {
                continue;
            }
            long t = tokens[i];
            n++;
            m0 = Math.min(m0, Hash64.mix(t ^ SEEDS[0]) >>> 1);
            m1 = Math.min(m1, Hash64.mix(t ^ SEEDS[1]) >>> 1);
            m2 = Math.min(m2, Hash64.mix(t ^ SEEDS[2]) >>> 1);
            m3 = Math.min(m3, Hash64.mix(t ^ SEEDS[3]) >>> 1);
        }
        if (n < minTokens) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        out[0] = Hash64.combine(m0, m1) | 1;
        out[1] = Hash64.combine(m2 ^ 0x51, m3) | 1;
    }
}
