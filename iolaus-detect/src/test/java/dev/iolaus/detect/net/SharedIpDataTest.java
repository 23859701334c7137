package dev.iolaus.detect.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real public lists in the shared ipintel folder load and answer for well-known addresses. */
class SharedIpDataTest {
    private static IpIntel intel;
    private static AsnTable asns;

    @BeforeAll
    static void load() {
        Path dir = Path.of(System.getProperty("iolaus.shared", "../shared"), "ipintel");
        assumeTrue(Files.isRegularFile(dir.resolve("asn-ipv4.csv.gz")),
                "shared IP data not found at " + dir.toAbsolutePath() + " (set -Diolaus.shared); skipping");
        IpIntelConfig c = IpIntelConfig.fromDirectory(dir);
        long t0 = System.nanoTime();
        asns = AsnTable.load(c.asnCsv());
        long t1 = System.nanoTime();
        intel = FileIpIntel.load(c);
        System.out.printf("ASN table: %,d ranges in %d ms; all lists: %d ms%n", asns.ipv4Ranges(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    @Test
    void realAsnCsv_loaded_hasAllRanges() {
        assertThat(asns.ipv4Ranges()).isEqualTo(411_961);
    }

    @Test
    void wellKnownAddresses_lookup_knownOwners() {
        IpInfo cf = intel.lookup("1.0.0.1");
        assertThat(cf.asn()).isEqualTo(13335);
        assertThat(cf.org()).isEqualTo("Cloudflare, Inc.");
        // Tor exit from the list itself (first entry of the shared file).
        assertThat(intel.lookup("101.99.92.179").tor()).isTrue();
        // A hosting ASN from the datacenter ASN list marks the address as datacenter.
        assertThat(intel.lookup("1.12.0.1").datacenter()).isTrue();
    }
}
