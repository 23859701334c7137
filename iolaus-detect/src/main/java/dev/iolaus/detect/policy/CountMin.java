package dev.iolaus.detect.policy;

/** A count-min sketch of strings: bounded memory, counts never under-estimated. */
final class CountMin {
    private final int[][] rows;
    private final int mask;

    CountMin(int depth, int widthPow2) {
        if (Integer.bitCount(widthPow2) != 1) {
            throw new IllegalArgumentException("width must be a power of two");
        }
        rows = new int[depth][widthPow2];
        mask = widthPow2 - 1;
    }

    void add(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        for (int i = 0; i < rows.length; i++) {
            int idx = (h1 + i * h2) & mask;
            if (rows[i][idx] != Integer.MAX_VALUE) {
                rows[i][idx]++;
            }
        }
    }

    int estimate(String key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < rows.length; i++) {
            min = Math.min(min, rows[i][(h1 + i * h2) & mask]);
        }
        return min;
    }

    private static long hash(String s) {
        // FNV-1a 64 then a murmur finaliser, so both halves are well mixed.
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }
}
