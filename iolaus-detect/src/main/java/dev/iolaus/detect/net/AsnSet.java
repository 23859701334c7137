package dev.iolaus.detect.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/** A set of autonomous system numbers (e.g. hosting providers), as a sorted array. Immutable and thread-safe. */
public final class AsnSet {
    /** No ASN. */
    public static final AsnSet EMPTY = new AsnSet(new int[0]);

    private final int[] sorted;

    private AsnSet(int[] sorted) {
        this.sorted = sorted;
    }

    /** A set of the given numbers. */
    public static AsnSet of(int... asns) {
        return new AsnSet(Arrays.stream(asns).sorted().distinct().toArray());
    }

    /**
     * Loads one ASN a line, {@code AS123} or {@code 123}, with {@code #} comments ({@code AS123 # Hoster, US}).
     *
     * @throws IllegalArgumentException naming the file and line of the first invalid entry
     */
    public static AsnSet load(Path file) {
        int[] v = new int[1024];
        int n = 0;
        try (BufferedReader r = TextFiles.reader(file)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (s.isEmpty()) {
                    continue;
                }
                if (s.regionMatches(true, 0, "AS", 0, 2)) {
                    s = s.substring(2);
                }
                try {
                    if (n == v.length) {
                        v = Arrays.copyOf(v, n * 2);
                    }
                    v[n++] = Integer.parseUnsignedInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + no + ": not an ASN: '" + line.trim() + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return of(Arrays.copyOf(v, n));
    }

    /** True when the number is in the set. */
    public boolean contains(int asn) {
        return Arrays.binarySearch(sorted, asn) >= 0;
    }

    /** Number of ASNs. */
    public int size() {
        return sorted.length;
    }
}
