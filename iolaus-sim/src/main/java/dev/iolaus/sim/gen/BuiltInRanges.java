package dev.iolaus.sim.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A few well-known ranges per kind of network, for machines without the ipintel data (demo only). */
final class BuiltInRanges {
    // cidr, asn, kind
    private static final String[][] ROWS = {
        {"73.0.0.0/8", "7922", "residential/us"}, {"98.192.0.0/10", "7922", "residential/us"},
        {"24.0.0.0/12", "20115", "residential/us"}, {"68.0.0.0/13", "22773", "residential/us"},
        {"79.192.0.0/10", "3320", "residential/eu"}, {"90.0.0.0/9", "3215", "residential/eu"},
        {"81.128.0.0/11", "2856", "residential/eu"}, {"88.0.0.0/11", "3352", "residential/eu"},
        {"113.64.0.0/10", "4134", "residential/asia"}, {"126.0.0.0/8", "17676", "residential/asia"},
        {"122.160.0.0/12", "24560", "residential/asia"}, {"187.128.0.0/10", "8151", "residential/latam"},
        {"177.0.0.0/12", "28573", "residential/latam"}, {"172.56.0.0/13", "21928", "mobile/us"},
        {"174.192.0.0/10", "22394", "mobile/us"}, {"31.94.0.0/16", "12576", "mobile/eu"},
        {"49.32.0.0/11", "55836", "mobile/asia"}, {"191.0.0.0/12", "26599", "mobile/latam"},
        {"128.32.0.0/16", "25", "university"}, {"171.64.0.0/14", "32", "university"},
        {"192.58.96.0/20", "10794", "corporate"}, {"12.0.0.0/9", "7018", "corporate"},
        {"3.0.0.0/9", "16509", "datacenter"}, {"159.65.0.0/16", "14061", "datacenter"},
        {"65.108.0.0/15", "24940", "datacenter"}, {"34.64.0.0/10", "396982", "datacenter"}};

    private static IpCatalog cached;

    private BuiltInRanges() {
    }

    static synchronized IpCatalog catalog() {
        if (cached == null) {
            Map<String, List<long[]>> ranges = new HashMap<>();
            List<long[]> rows = new ArrayList<>();
            for (String[] row : ROWS) {
                int slash = row[0].indexOf('/');
                long s = IpCatalog.ipToLong(row[0], 0, slash);
                long e = s + (1L << (32 - Integer.parseInt(row[0].substring(slash + 1)))) - 1;
                ranges.computeIfAbsent(row[2], k -> new ArrayList<>()).add(new long[] {s, e});
                rows.add(new long[] {s, e, Long.parseLong(row[1])});
            }
            cached = IpCatalog.of("built-in", ranges, rows);
        }
        return cached;
    }
}
