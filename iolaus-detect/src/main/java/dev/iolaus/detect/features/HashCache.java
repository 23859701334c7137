package dev.iolaus.detect.features;

/**
 * A small direct-mapped memo of {@link Hash64#of(CharSequence)} for strings that repeat from call to call (user agent,
 * header order, JA4, model, system prompt hash): the same values as {@code Hash64.of}, cheaper when the string was
 * seen recently.
 *
 * <p>Why: FNV-1a is one serial multiply per char and a client sends the same few strings on every call; about a tenth
 * of feature extraction went into hashing them again. A lookup costs {@link String#hashCode()} and
 * {@link String#equals}, both vectorised by the JVM. Not thread-safe: one per extractor.
 */
final class HashCache {
    private final String[] keys;
    private final long[] values;
    private final int mask;

    /** A cache of {@code slots} entries (a power of two). */
    HashCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        keys = new String[slots];
        values = new long[slots];
        mask = slots - 1;
    }

    /** {@code Hash64.of(s)}: 0 for null. */
    long of(String s) {
        if (s == null) {
            return 0;
        }
        int h = s.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        String k = keys[slot];
        if (k != null && k.equals(s)) {
            return values[slot];
        }
        long v = Hash64.of(s);
        keys[slot] = s;
        values[slot] = v;
        return v;
    }
}
