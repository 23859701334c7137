package dev.iolaus.io.json;

/** The fixed length and distance code tables of RFC 1951 §3.2.5, with lookups from a length or a distance. */
final class DeflateTables {
    /** Base length (minus 3) of length codes 257..285. */
    static final int[] LEN_BASE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96,
        112, 128, 160, 192, 224, 255};
    /** Extra bits of length codes 257..285. */
    static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
        0};
    /** Base distance (minus 1) of distance codes 0..29. */
    static final int[] DIST_BASE = {0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768,
        1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576};
    /** Extra bits of distance codes 0..29. */
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
        12, 12, 13, 13};
    /** Length code (0..28, i.e. symbol minus 257) for a match length minus 3 (0..255). */
    static final byte[] LEN_CODE = new byte[256];
    /** Distance code for distance-1 below 256, then for (distance-1) >> 7 at offset 256 (zlib's layout). */
    private static final byte[] DIST_CODE = new byte[512];

    static {
        for (int c = 0; c < 28; c++) {
            for (int l = LEN_BASE[c]; l < LEN_BASE[c] + (1 << LEN_EXTRA[c]) && l < 255; l++) {
                LEN_CODE[l] = (byte) c;
            }
        }
        // length 258 has its own code (285); 284 + 31 extra would also spell 258, which some inflaters reject
        LEN_CODE[255] = 28;
        for (int c = 0; c < 30; c++) {
            for (int d = DIST_BASE[c]; d < DIST_BASE[c] + (1 << DIST_EXTRA[c]); d++) {
                if (d < 256) {
                    DIST_CODE[d] = (byte) c;
                } else {
                    DIST_CODE[256 + (d >> 7)] = (byte) c;
                }
            }
        }
    }

    private DeflateTables() {
    }

    /** Distance code (0..29) of a distance minus 1 (0..32767). */
    static int distCode(int d1) {
        return d1 < 256 ? DIST_CODE[d1] : DIST_CODE[256 + (d1 >> 7)];
    }
}
