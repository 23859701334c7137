package dev.iolaus.detect.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Address to autonomous system: the {@code start_ip,end_ip,asn,organisation} CSV (plain or {@code .gz}, IPv4 and
 * IPv6 rows, organisation optionally quoted with {@code ""} escapes) held in primitive arrays, looked up by bisection.
 *
 * <p>Organisation names are interned into one table (412k ranges share ~80k names), so the whole IPv4 table costs a
 * few MiB. Immutable and thread-safe.
 */
public final class AsnTable {
    private final long[] v4Start;
    private final long[] v4End;
    private final int[] v4Asn;
    private final int[] v4Org;
    private final long[] v6; // startHi, startLo, endHi, endLo per range
    private final int[] v6Asn;
    private final int[] v6Org;
    private final String[] orgs;

    private AsnTable(Loader l) {
        int[] p4 = order(l.n4, i -> l.v4[i * 2], null);
        v4Start = new long[l.n4];
        v4End = new long[l.n4];
        v4Asn = new int[l.n4];
        v4Org = new int[l.n4];
        for (int i = 0; i < l.n4; i++) {
            int k = p4[i];
            v4Start[i] = l.v4[k * 2];
            v4End[i] = l.v4[k * 2 + 1];
            v4Asn[i] = l.asn4[k];
            v4Org[i] = l.org4[k];
        }
        int[] p6 = order(l.n6, i -> l.v6[i * 4], i -> l.v6[i * 4 + 1]);
        v6 = new long[l.n6 * 4];
        v6Asn = new int[l.n6];
        v6Org = new int[l.n6];
        for (int i = 0; i < l.n6; i++) {
            int k = p6[i];
            System.arraycopy(l.v6, k * 4, v6, i * 4, 4);
            v6Asn[i] = l.asn6[k];
            v6Org[i] = l.org6[k];
        }
        orgs = l.orgs.toArray(new String[0]);
    }

    /** Identity order when the file is already sorted by start (the usual case), else a sorted permutation. */
    private static int[] order(int n, java.util.function.IntToLongFunction hi, java.util.function.IntToLongFunction lo) {
        int[] p = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            p[i] = i;
            if (i > 0 && cmp(hi, lo, i - 1, i) > 0) {
                sorted = false;
            }
        }
        if (!sorted) {
            p = Arrays.stream(p).boxed().sorted((a, b) -> cmp(hi, lo, a, b)).mapToInt(Integer::intValue).toArray();
        }
        return p;
    }

    private static int cmp(java.util.function.IntToLongFunction hi, java.util.function.IntToLongFunction lo, int a, int b) {
        int c = Long.compareUnsigned(hi.applyAsLong(a), hi.applyAsLong(b));
        return c != 0 || lo == null ? c : Long.compareUnsigned(lo.applyAsLong(a), lo.applyAsLong(b));
    }

    /**
     * Loads the CSV. A header line ({@code start_ip,...}) is skipped.
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed row
     */
    public static AsnTable load(Path csv) {
        Loader l = new Loader();
        try (BufferedReader r = TextFiles.reader(csv)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || no == 1 && line.startsWith("start")) {
                    continue;
                }
                try {
                    l.row(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(csv + ":" + no + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return new AsnTable(l);
    }

    /** Index of the IPv4 range holding the unsigned address, or -1. */
    public int indexOfIpv4(long ip) {
        int i = Arrays.binarySearch(v4Start, ip);
        int k = i >= 0 ? i : -i - 2;
        return k >= 0 && ip <= v4End[k] ? k : -1;
    }

    /** ASN of an IPv4 address (unsigned value), 0 when unknown. */
    public int asnOfIpv4(long ip) {
        int k = indexOfIpv4(ip);
        return k < 0 ? 0 : v4Asn[k];
    }

    /** Organisation of an IPv4 address, null when unknown. */
    public String orgOfIpv4(long ip) {
        int k = indexOfIpv4(ip);
        return k < 0 ? null : orgs[v4Org[k]];
    }

    /** Index of the IPv6 range holding the address, or -1 (IPv4-mapped addresses: use the IPv4 methods). */
    public int indexOfIpv6(long hi, long lo) {
        int a = 0;
        int b = v6Asn.length - 1;
        int found = -1;
        while (a <= b) {
            int mid = (a + b) >>> 1;
            if (CidrSet.compare(v6[mid * 4], v6[mid * 4 + 1], hi, lo) <= 0) {
                found = mid;
                a = mid + 1;
            } else {
                b = mid - 1;
            }
        }
        return found >= 0 && CidrSet.compare(hi, lo, v6[found * 4 + 2], v6[found * 4 + 3]) <= 0 ? found : -1;
    }

    /** ASN of the IPv6 range at an index from {@link #indexOfIpv6}. */
    public int ipv6Asn(int index) {
        return v6Asn[index];
    }

    /** Organisation of the IPv6 range at an index from {@link #indexOfIpv6}. */
    public String ipv6Org(int index) {
        return orgs[v6Org[index]];
    }

    /** ASN of the IPv4 range at an index from {@link #indexOfIpv4}. */
    public int ipv4Asn(int index) {
        return v4Asn[index];
    }

    /** Organisation of the IPv4 range at an index from {@link #indexOfIpv4}. */
    public String ipv4Org(int index) {
        return orgs[v4Org[index]];
    }

    /** IPv4 ranges loaded. */
    public int ipv4Ranges() {
        return v4Start.length;
    }

    /** IPv6 ranges loaded. */
    public int ipv6Ranges() {
        return v6Asn.length;
    }

    /** Accumulates rows in growable primitive arrays. */
    private static final class Loader {
        long[] v4 = new long[1 << 16];
        int[] asn4 = new int[1 << 15];
        int[] org4 = new int[1 << 15];
        int n4;
        long[] v6 = new long[256];
        int[] asn6 = new int[64];
        int[] org6 = new int[64];
        int n6;
        final List<String> orgs = new ArrayList<>();
        final Map<String, Integer> orgIndex = new HashMap<>();
        private final long[] a = new long[2];
        private final long[] b = new long[2];

        void row(String line) {
            int c1 = line.indexOf(',');
            int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
            int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
            if (c2 < 0) {
                throw new IllegalArgumentException("expected start_ip,end_ip,asn,organisation: '" + line + "'");
            }
            int asnEnd = c3 < 0 ? line.length() : c3;
            int asn;
            try {
                asn = Integer.parseUnsignedInt(line, c2 + 1, asnEnd, 10);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad ASN '" + line.substring(c2 + 1, asnEnd) + "'");
            }
            int org = intern(c3 < 0 ? "" : unquote(line.substring(c3 + 1)));
            long s = IpAddresses.parseIpv4(line, 0, c1);
            if (s >= 0) {
                long e = IpAddresses.parseIpv4(line, c1 + 1, c2);
                if (e < s) {
                    throw new IllegalArgumentException("bad IPv4 range '" + line.substring(0, c2) + "'");
                }
                if (n4 == asn4.length) {
                    v4 = Arrays.copyOf(v4, v4.length * 2);
                    asn4 = Arrays.copyOf(asn4, asn4.length * 2);
                    org4 = Arrays.copyOf(org4, org4.length * 2);
                }
                v4[n4 * 2] = s;
                v4[n4 * 2 + 1] = e;
                asn4[n4] = asn;
                org4[n4] = org;
                n4++;
                return;
            }
            if (!IpAddresses.parseIpv6(line.substring(0, c1), a) || !IpAddresses.parseIpv6(line.substring(c1 + 1, c2), b)
                    || CidrSet.compare(a[0], a[1], b[0], b[1]) > 0) {
                throw new IllegalArgumentException("bad IP range '" + line.substring(0, c2) + "'");
            }
            if (n6 == asn6.length) {
                v6 = Arrays.copyOf(v6, v6.length * 2);
                asn6 = Arrays.copyOf(asn6, asn6.length * 2);
                org6 = Arrays.copyOf(org6, org6.length * 2);
            }
            v6[n6 * 4] = a[0];
            v6[n6 * 4 + 1] = a[1];
            v6[n6 * 4 + 2] = b[0];
            v6[n6 * 4 + 3] = b[1];
            asn6[n6] = asn;
            org6[n6] = org;
            n6++;
        }

        private int intern(String org) {
            Integer i = orgIndex.get(org);
            if (i == null) {
                i = orgs.size();
                orgs.add(org);
                orgIndex.put(org, i);
            }
            return i;
        }

        private static String unquote(String s) {
            if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
                return s.substring(1, s.length() - 1).replace("\"\"", "\"");
            }
            return s;
        }
    }
}
