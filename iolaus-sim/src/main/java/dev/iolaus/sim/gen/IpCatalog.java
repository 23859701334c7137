package dev.iolaus.sim.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Real IPv4 ranges by kind of network and region, read from the ASN table ({@code asn-ipv4.csv.gz}) and the
 * datacenter list of an ipintel directory, so simulated users and proxies sit in the ASNs real ones do. Also maps
 * an address back to its ASN (for the separability check). Without an ipintel directory a small built-in table
 * of well-known ranges stands in.
 */
public final class IpCatalog {
    private static final Map<String, IpCatalog> CACHE = new HashMap<>();

    // Organisation keywords per source and region. Business and hosting lines of the same carriers are excluded.
    private static final String[][] RESIDENTIAL = {
        {"us", "comcast cable", "charter communications", "cox communications", "frontier communications",
            "centurylink", "at&t corp", "spectrum", "mediacom", "windstream", "optimum"},
        {"eu", "deutsche telekom", "orange s.a.", "vodafone gmbh", "telefonica de espana", "british telecommunications",
            "free sas", "sky uk", "virgin media", "telecom italia", "proximus", "kpn b.v.", "swisscom", "telia",
            "bouygues", "liberty global", "ziggo", "fastweb", "netia"},
        {"asia", "china telecom", "china unicom", "ntt communications", "kddi", "softbank", "korea telecom",
            "chunghwa telecom", "bharti airtel", "singtel", "pldt", "viettel", "sk broadband", "lg powercomm",
            "tata teleservices", "hathway"},
        {"latam", "telmex", "claro", "telefonica de argentina", "telefonica brasil", "telecom argentina",
            "megacable", "totalplay", "entel", "movistar"}};
    private static final String[][] MOBILE = {
        {"us", "t-mobile usa", "cellco", "at&t mobility", "sprint"},
        {"eu", "vodafone libertel", "vodafone espana", "t-mobile polska", "t-mobile netherlands", "orange espagne",
            "telefonica germany", "wind tre", "ee limited"},
        {"asia", "reliance jio", "china mobile", "ntt docomo", "vodafone idea", "globe telecom", "smart communications"},
        {"latam", "claro", "tim s/a", "tim celular", "movil"}};
    private static final String[] CORPORATE = {"bank of america", "jpmorgan", "wells fargo", "siemens", "boeing",
        "general electric", "pfizer", "deloitte", "accenture", "goldman sachs", "toyota", "volkswagen", "nestle",
        "walmart", "ford motor", "procter", "lockheed", "basf", "robert bosch", "unilever", "samsung sds", "sony",
        "johnson & johnson", "merck", "citigroup", "morgan stanley", "bayer", "airbus", "hsbc", "barclays",
        "at&t enterprises", "orange business", "verizon business"};
    private static final String[] UNIVERSITY = {"university", "college", "institute of technology", "universidad",
        "universitaet", "universite", "hochschule"};

    private final String origin;
    private final Map<String, List<long[]>> ranges; // key "source/region" or "source"
    private final long[] starts;
    private final long[] ends;
    private final int[] asns;

    private IpCatalog(String origin, Map<String, List<long[]>> ranges, long[] starts, long[] ends, int[] asns) {
        this.origin = origin;
        this.ranges = ranges;
        this.starts = starts;
        this.ends = ends;
        this.asns = asns;
    }

    /** Where the data came from: the ipintel directory or {@code built-in}. */
    public String origin() {
        return origin;
    }

    /**
     * The catalog of an ipintel directory (cached), else the built-in one: explicit path, else system property
     * {@code iolaus.shared}/ipintel, else {@code ../shared/ipintel}.
     */
    public static synchronized IpCatalog resolve(Path dir) {
        if (dir == null) {
            String shared = System.getProperty("iolaus.shared");
            Path cand = shared != null ? Path.of(shared, "ipintel") : Path.of("..", "shared", "ipintel");
            dir = Files.isRegularFile(cand.resolve("asn-ipv4.csv.gz")) ? cand : null;
        }
        String key = dir == null ? "built-in" : dir.toAbsolutePath().normalize().toString();
        IpCatalog c = CACHE.get(key);
        if (c == null) {
            c = dir == null ? BuiltInRanges.catalog() : load(dir);
            CACHE.put(key, c);
        }
        return c;
    }

    static IpCatalog of(String origin, Map<String, List<long[]>> ranges, List<long[]> asnRows) {
        asnRows.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] s = new long[asnRows.size()];
        long[] e = new long[asnRows.size()];
        int[] n = new int[asnRows.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = asnRows.get(i)[0];
            e[i] = asnRows.get(i)[1];
            n[i] = (int) asnRows.get(i)[2];
        }
        return new IpCatalog(origin, ranges, s, e, n);
    }

    private static IpCatalog load(Path dir) {
        Map<String, List<long[]>> ranges = new HashMap<>();
        List<long[]> rows = new ArrayList<>(420_000);
        Map<String, String> orgKind = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("asn-ipv4.csv.gz")), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int c1 = line.indexOf(',');
                int c2 = line.indexOf(',', c1 + 1);
                int c3 = line.indexOf(',', c2 + 1);
                if (c1 < 0 || c2 < 0 || c3 < 0) {
                    continue;
                }
                long s = ipToLong(line, 0, c1);
                long e = ipToLong(line, c1 + 1, c2);
                if (s < 0 || e < 0) {
                    continue; // header or malformed row
                }
                int asn = (int) Long.parseLong(line, c2 + 1, c3, 10); // 32-bit ASNs exceed int: stored as unsigned bits
                rows.add(new long[] {s, e, asn});
                String org = line.substring(c3 + 1);
                String kind = orgKind.computeIfAbsent(org, IpCatalog::classify);
                if (!kind.isEmpty() && e - s >= 255) {
                    ranges.computeIfAbsent(kind, k -> new ArrayList<>()).add(new long[] {s, e});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("asn-ipv4.csv.gz"), e);
        }
        List<long[]> dc = new ArrayList<>();
        Path dcFile = dir.resolve("datacenter-ipv4.txt");
        if (Files.isRegularFile(dcFile)) {
            try (BufferedReader r = Files.newBufferedReader(dcFile)) {
                for (String line; (line = r.readLine()) != null; ) {
                    int slash = line.indexOf('/');
                    if (slash > 0) {
                        long s = ipToLong(line, 0, slash);
                        int bits = Integer.parseInt(line.substring(slash + 1).trim());
                        if (s >= 0 && bits >= 8 && bits <= 30) {
                            dc.add(new long[] {s, s + (1L << (32 - bits)) - 1});
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dcFile, e);
            }
        }
        if (!dc.isEmpty()) {
            ranges.put("datacenter", dc);
        }
        IpCatalog fallback = BuiltInRanges.catalog();
        fallback.ranges.forEach(ranges::putIfAbsent);
        return of(dir.toAbsolutePath().normalize().toString(), ranges, rows);
    }

    static String classify(String org) {
        String o = org.toLowerCase(Locale.ROOT);
        for (String[] region : MOBILE) {
            for (int i = 1; i < region.length; i++) {
                if (o.contains(region[i])) {
                    return "mobile/" + region[0];
                }
            }
        }
        for (String[] region : RESIDENTIAL) {
            for (int i = 1; i < region.length; i++) {
                if (o.contains(region[i])) {
                    return "residential/" + region[0];
                }
            }
        }
        for (String k : CORPORATE) {
            if (o.contains(k)) {
                return "corporate";
            }
        }
        for (String k : UNIVERSITY) {
            if (o.contains(k)) {
                return "university";
            }
        }
        return "";
    }

    /** A random address of the source ({@code residential}, {@code mobile}, ...) in the region, as text. */
    public String sample(String source, String region, SplittableRandom r) {
        List<long[]> l = ranges.get(source + "/" + region);
        if (l == null) {
            l = ranges.get(source);
        }
        if (l == null) {
            l = ranges.get("residential/" + region);
        }
        if (l == null) {
            throw new IllegalArgumentException("no address ranges for network source '" + source + "' (expected "
                    + "residential, mobile, corporate, university or datacenter)");
        }
        long[] rg = l.get(r.nextInt(l.size()));
        long span = rg[1] - rg[0] - 1;
        long ip = rg[0] + 1 + (span > 0 ? r.nextLong(span) : 0);
        return longToIp(ip);
    }

    /** The ASN of an IPv4 address given as text, 0 when unknown. */
    public int asnOf(String ip) {
        long v = ip == null ? -1 : ipToLong(ip, 0, ip.length());
        if (v < 0) {
            return 0;
        }
        int lo = 0;
        int hi = starts.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= v) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best >= 0 && v <= ends[best] ? asns[best] : 0;
    }

    static long ipToLong(String s, int from, int to) {
        long v = 0;
        int part = 0;
        int dots = 0;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                digit = true;
                if (part > 255) {
                    return -1;
                }
            } else if (c == '.' && digit) {
                v = (v << 8) | part;
                part = 0;
                dots++;
                digit = false;
            } else {
                return -1;
            }
        }
        return dots == 3 && digit ? (v << 8) | part : -1;
    }

    static String longToIp(long v) {
        return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "." + (v & 255);
    }
}
