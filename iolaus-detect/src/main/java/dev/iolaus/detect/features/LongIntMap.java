package dev.iolaus.detect.features;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to int values with no boxing, for lexicons and interners on the hot path.
 * Key 0 is reserved (hashes are remapped away from it by callers or by {@link #put}).
 */
public final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /** A map sized for about {@code expected} entries. */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    private static long fix(long k) {
        return k == 0 ? 0x5bd1e995L : k;
    }

    /** The value of the key, or {@code missing}. */
    public int get(long key, int missing) {
        key = fix(key);
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets the value; returns the previous one or {@code missing}. */
    public int put(long key, int value, int missing) {
        key = fix(key);
        if (size * 2 >= keys.length) {
            grow();
        }
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                int old = values[i];
                values[i] = value;
                return old;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        java.util.Arrays.fill(keys, 0);
        size = 0;
    }

    /** Visits every entry. */
    public void forEach(java.util.function.BiConsumer<Long, Integer> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** Raw key at a table slot (0 when empty), for allocation-free iteration with {@link #capacity()}. */
    public long keyAt(int slot) {
        return keys[slot];
    }

    /** Raw value at a table slot. */
    public int valueAt(int slot) {
        return values[slot];
    }

    /** Table size (slots). */
    public int capacity() {
        return keys.length;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], ov[i], 0);
            }
        }
    }

    /** Bytes held by the arrays (for state accounting). */
    public long bytes() {
        return keys.length * 8L + values.length * 4L + 32;
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", cap=" + keys.length + "]" + (size == 0 ? Arrays.toString(new int[0]) : "");
    }
}
