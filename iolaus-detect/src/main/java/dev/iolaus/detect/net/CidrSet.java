package dev.iolaus.detect.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A set of IPv4 and IPv6 networks (CIDRs and single addresses) as sorted, merged ranges searched by bisection.
 *
 * <p>Immutable and thread-safe. IPv4 ranges are kept as unsigned values in {@code long} arrays, IPv6 ranges as
 * (high, low) pairs compared unsigned. An IPv4-mapped IPv6 address matches the IPv4 ranges.
 */
public final class CidrSet {
    /** The empty set. */
    public static final CidrSet EMPTY = builder().build();

    private final long[] v4Start;
    private final long[] v4End;
    private final long[] v6; // 4 longs a range: startHi, startLo, endHi, endLo

    private CidrSet(long[] v4Start, long[] v4End, long[] v6) {
        this.v4Start = v4Start;
        this.v4End = v4End;
        this.v6 = v6;
    }

    /** A builder to add networks to. */
    public static Builder builder() {
        return new Builder();
    }

    /** A set of the given CIDRs or addresses. */
    public static CidrSet of(String... cidrs) {
        Builder b = builder();
        for (String c : cidrs) {
            b.add(c);
        }
        return b.build();
    }

    /**
     * Loads one CIDR or address a line ({@code #} starts a comment, blank lines skipped; {@code .gz} read too).
     *
     * @throws IllegalArgumentException naming the file and line of the first invalid entry
     */
    public static CidrSet load(Path... files) {
        Builder b = builder();
        for (Path f : files) {
            b.addFile(f);
        }
        return b.build();
    }

    /** True when the text is an address inside one of the networks; false for anything unparsable. */
    public boolean contains(String ip) {
        long v4 = IpAddresses.parseIpv4(ip);
        if (v4 >= 0) {
            return containsIpv4(v4);
        }
        long[] a = new long[2];
        return IpAddresses.parseIpv6(ip, a) && containsIpv6(a[0], a[1]);
    }

    /** True when the unsigned IPv4 value is inside one of the networks. */
    public boolean containsIpv4(long ip) {
        int i = Arrays.binarySearch(v4Start, ip);
        if (i >= 0) {
            return true;
        }
        int k = -i - 2; // last range starting before ip
        return k >= 0 && ip <= v4End[k];
    }

    /** True when the IPv6 address is inside one of the networks (IPv4-mapped addresses check the IPv4 ranges). */
    public boolean containsIpv6(long hi, long lo) {
        long mapped = IpAddresses.mappedIpv4(hi, lo);
        if (mapped >= 0) {
            return containsIpv4(mapped);
        }
        int lo0 = 0;
        int hi0 = v6.length / 4 - 1;
        int found = -1;
        while (lo0 <= hi0) {
            int mid = (lo0 + hi0) >>> 1;
            if (compare(v6[mid * 4], v6[mid * 4 + 1], hi, lo) <= 0) {
                found = mid;
                lo0 = mid + 1;
            } else {
                hi0 = mid - 1;
            }
        }
        return found >= 0 && compare(hi, lo, v6[found * 4 + 2], v6[found * 4 + 3]) <= 0;
    }

    /** Number of merged IPv4 ranges. */
    public int ipv4Ranges() {
        return v4Start.length;
    }

    /** Number of merged IPv6 ranges. */
    public int ipv6Ranges() {
        return v6.length / 4;
    }

    /** True when the set holds no network. */
    public boolean isEmpty() {
        return v4Start.length == 0 && v6.length == 0;
    }

    static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** Collects networks, then sorts and merges them. Not thread-safe. */
    public static final class Builder {
        private long[] v4 = new long[256]; // start, end pairs
        private int n4;
        private long[] v6 = new long[64]; // startHi, startLo, endHi, endLo
        private int n6;

        private Builder() {
        }

        /**
         * Adds a CIDR ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address.
         *
         * @throws IllegalArgumentException when the text is neither
         */
        public Builder add(String cidr) {
            String s = cidr.trim();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            int bits = -1;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR: '" + cidr + "'");
                }
            }
            long v = IpAddresses.parseIpv4(addr);
            if (v >= 0) {
                if (bits < 0) {
                    bits = 32;
                }
                if (bits > 32) {
                    throw new IllegalArgumentException("IPv4 prefix length must be 0..32: '" + cidr + "'");
                }
                long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
                addIpv4Range(v & mask, (v & mask) | (~mask & 0xffffffffL));
                return this;
            }
            long[] a = new long[2];
            if (!IpAddresses.parseIpv6(addr, a)) {
                throw new IllegalArgumentException("not an IP address or CIDR: '" + cidr + "'");
            }
            if (bits < 0) {
                bits = 128;
            }
            if (bits > 128) {
                throw new IllegalArgumentException("IPv6 prefix length must be 0..128: '" + cidr + "'");
            }
            long hiMask = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
            long loMask = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
            addIpv6Range(a[0] & hiMask, a[1] & loMask, a[0] | ~hiMask, a[1] | ~loMask);
            return this;
        }

        /** Adds an inclusive IPv4 range of unsigned values. */
        public Builder addIpv4Range(long start, long end) {
            if (n4 + 2 > v4.length) {
                v4 = Arrays.copyOf(v4, v4.length * 2);
            }
            v4[n4++] = start;
            v4[n4++] = end;
            return this;
        }

        /** Adds an inclusive IPv6 range. */
        public Builder addIpv6Range(long startHi, long startLo, long endHi, long endLo) {
            if (n6 + 4 > v6.length) {
                v6 = Arrays.copyOf(v6, v6.length * 2);
            }
            v6[n6++] = startHi;
            v6[n6++] = startLo;
            v6[n6++] = endHi;
            v6[n6++] = endLo;
            return this;
        }

        /** Adds every entry of a one-a-line list file. */
        public Builder addFile(Path file) {
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
                    try {
                        add(s);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return this;
        }

        /** The sorted, merged set. */
        public CidrSet build() {
            return new Merger(this).result();
        }

        /** Sorting and merging, apart from the builder to keep each step readable. */
        private static final class Merger {
            private final Builder b;

            Merger(Builder b) {
                this.b = b;
            }

            CidrSet result() {
                int r4 = b.n4 / 2;
                Integer[] idx4 = new Integer[r4];
                for (int i = 0; i < r4; i++) {
                    idx4[i] = i;
                }
                Arrays.sort(idx4, (x, y) -> Long.compare(b.v4[x * 2], b.v4[y * 2]));
                long[] s = new long[r4];
                long[] e = new long[r4];
                int m = 0;
                for (int k : idx4) {
                    long st = b.v4[k * 2];
                    long en = b.v4[k * 2 + 1];
                    if (m > 0 && st <= e[m - 1] + 1) {
                        e[m - 1] = Math.max(e[m - 1], en);
                    } else {
                        s[m] = st;
                        e[m] = en;
                        m++;
                    }
                }
                int r6 = b.n6 / 4;
                Integer[] idx6 = new Integer[r6];
                for (int i = 0; i < r6; i++) {
                    idx6[i] = i;
                }
                Arrays.sort(idx6, (x, y) -> compare(b.v6[x * 4], b.v6[x * 4 + 1], b.v6[y * 4], b.v6[y * 4 + 1]));
                long[] out6 = new long[r6 * 4];
                int m6 = 0;
                for (int k : idx6) {
                    long sh = b.v6[k * 4];
                    long sl = b.v6[k * 4 + 1];
                    long eh = b.v6[k * 4 + 2];
                    long el = b.v6[k * 4 + 3];
                    if (m6 > 0 && adjacentOrOverlapping(out6, m6 - 1, sh, sl)) {
                        if (compare(eh, el, out6[(m6 - 1) * 4 + 2], out6[(m6 - 1) * 4 + 3]) > 0) {
                            out6[(m6 - 1) * 4 + 2] = eh;
                            out6[(m6 - 1) * 4 + 3] = el;
                        }
                    } else {
                        out6[m6 * 4] = sh;
                        out6[m6 * 4 + 1] = sl;
                        out6[m6 * 4 + 2] = eh;
                        out6[m6 * 4 + 3] = el;
                        m6++;
                    }
                }
                return new CidrSet(Arrays.copyOf(s, m), Arrays.copyOf(e, m), Arrays.copyOf(out6, m6 * 4));
            }

            /** True when a range starting at (sh, sl) overlaps or touches merged range {@code r}. */
            private static boolean adjacentOrOverlapping(long[] out6, int r, long sh, long sl) {
                long eh = out6[r * 4 + 2];
                long el = out6[r * 4 + 3];
                if (compare(sh, sl, eh, el) <= 0) {
                    return true;
                }
                long nl = el + 1;
                long nh = nl == 0 ? eh + 1 : eh;
                return !(eh == -1L && el == -1L) && sh == nh && sl == nl;
            }
        }
    }
}
