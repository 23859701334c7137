package dev.iolaus.io.maxmind;

import dev.iolaus.detect.net.AsnTable;
import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpAddresses;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Load time of the public IP lists and lookup rate of {@link FileIpIntel}, one thread.
 *
 * <p>Run with {@code java -cp ... dev.iolaus.io.maxmind.IpIntelBenchmark [ipintel-dir]}; numbers go to
 * {@code docs/benchmarks.md}.
 */
public final class IpIntelBenchmark {
    private IpIntelBenchmark() {
    }

    /** Entry point: {@code [ipintel dir (default ../shared/ipintel)]}. */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "../shared/ipintel"), System.out);
    }

    /** Loads three times (first is cold), then looks up 2M random IPv4 addresses three times. */
    public static void run(Path dir, PrintStream out) {
        IpIntelConfig c = IpIntelConfig.fromDirectory(dir);
        if (c.asnCsv() == null) {
            throw new IllegalArgumentException("no asn-ipv4.csv(.gz) in " + dir);
        }
        IpIntel intel = null;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            AsnTable t = AsnTable.load(c.asnCsv());
            long t1 = System.nanoTime();
            intel = FileIpIntel.load(c);
            long t2 = System.nanoTime();
            out.printf("load %d: ASN table %,d ranges %d ms; all lists (ASN included) %d ms%n", rep + 1,
                    t.ipv4Ranges(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
        int n = 2_000_000;
        String[] ips = new String[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            ips[i] = IpAddresses.formatIpv4(r.nextLong(1L << 32));
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            long flagged = 0;
            for (String ip : ips) {
                if (intel.lookup(ip).anonymised()) {
                    flagged++;
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf("lookup text IPv4: %,.0f lookups/s (%.1f%% flagged)%n", n / s, 100.0 * flagged / n);
        }
    }
}
