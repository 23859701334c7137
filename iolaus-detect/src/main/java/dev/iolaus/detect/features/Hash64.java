package dev.iolaus.detect.features;

/** Small non-cryptographic 64-bit hashing used by features and sketches: FNV-1a over chars and a strong mixer. */
public final class Hash64 {
    /** FNV-1a offset basis. */
    public static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hash64() {
    }

    /** Folds one char into an FNV-1a state. */
    public static long step(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** FNV-1a of a string, finished with {@link #mix}; 0 for null. */
    public static long of(CharSequence s) {
        if (s == null) {
            return 0;
        }
        long h = FNV_BASIS;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return mix(h);
    }

    /** Lower-cased FNV-1a of a string, finished with {@link #mix}. */
    public static long ofLower(CharSequence s) {
        long h = FNV_BASIS;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, Character.toLowerCase(s.charAt(i)));
        }
        return mix(h);
    }

    /** The murmur3 / splitmix finaliser: spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Combines two hashes, order-sensitive. */
    public static long combine(long a, long b) {
        return mix(a * 31 + b + 0x9E3779B97F4A7C15L);
    }
}
