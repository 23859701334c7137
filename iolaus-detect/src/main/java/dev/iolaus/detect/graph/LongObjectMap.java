package dev.iolaus.detect.graph;

import java.util.function.Predicate;

/**
 * Open-addressing map from non-zero long keys to objects, without boxing, with a bulk {@link #retain} that rebuilds
 * the table (how the attribute index forgets idle singletons and stays bounded).
 *
 * @param <V> value type
 */
public final class LongObjectMap<V> {
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    /** A map sized for about {@code expected} entries. */
    public LongObjectMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /** The value, or null. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    /** Puts a value for a non-zero key. */
    public void put(long key, V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 3 >= keys.length * 2) {
            resize(keys.length * 2);
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** Keeps only the values the predicate accepts; shrinks the table when most were dropped. */
    @SuppressWarnings("unchecked")
    public void retain(Predicate<V> keep) {
        long[] ok = keys;
        Object[] ov = values;
        int live = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0 && keep.test((V) ov[i])) {
                live++;
            } else {
                ov[i] = null;
            }
        }
        int cap = Integer.highestOneBit(Math.max(8, live * 3)) << 1;
        keys = new long[Math.max(16, cap)];
        values = new Object[keys.length];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                put(ok[i], (V) ov[i]);
            }
        }
    }

    /** Calls the action on every value. */
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.Consumer<V> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept((V) values[i]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void resize(int cap) {
        long[] ok = keys;
        Object[] ov = values;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i], ov[i] == null ? null : (V) ov[i]);
            }
        }
    }

    /** Approximate bytes of the table arrays. */
    public long tableBytes() {
        return keys.length * 12L + 32;
    }
}
