package dev.iolaus.io.maxmind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iolaus.detect.net.CombinedIpIntel;
import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MaxMind test databases (fake data, real format) give ASN and anonymiser flags. */
class MaxMindIpIntelTest {
    private static Path dir;

    @BeforeAll
    static void locate() {
        dir = Path.of(System.getProperty("iolaus.shared", "../shared"), "ipintel", "maxmind-test");
        assumeTrue(Files.isRegularFile(dir.resolve("GeoLite2-ASN-Test.mmdb")),
                "MaxMind test databases not found at " + dir.toAbsolutePath() + " (set -Diolaus.shared); skipping");
    }

    @Test
    void asnAndAnonymousDbs_lookup_fillAsnAndFlags() {
        try (MaxMindIpIntel m = MaxMindIpIntel.open(dir.resolve("GeoLite2-ASN-Test.mmdb"),
                dir.resolve("GeoIP2-Anonymous-IP-Test.mmdb"))) {
            assertThat(m.configured()).isTrue();
            assertThat(m.databaseTypes()).containsExactly("GeoLite2-ASN", "GeoIP2-Anonymous-IP");
            IpInfo g = m.lookup("1.0.0.7");
            assertThat(g.asn()).isEqualTo(15169);
            assertThat(g.org()).isEqualTo("Google Inc.");
            assertThat(m.lookup("1.2.3.4").vpn()).isTrue();
            assertThat(m.lookup("1.124.213.1")).satisfies(i -> assertThat(i.tor() && i.vpn()).isTrue());
            assertThat(m.lookup("6.1.0.2").datacenter()).isTrue();
            assertThat(m.lookup("6.1.0.4")).isEqualTo(new IpInfo(0, null, false, false, false, false, true));
            assertThat(m.lookup("::ffff:6.1.0.4").residentialProxy()).isTrue();
            assertThat(m.lookup("81.2.69.1")).satisfies(i -> assertThat(i.anonymised()).isTrue());
            assertThat(m.lookup("127.0.0.1")).isEqualTo(IpInfo.UNKNOWN);
            assertThat(m.lookup("not-an-address.example")).isEqualTo(IpInfo.UNKNOWN);
        }
    }

    @Test
    void missingFile_open_clearError() {
        assertThatThrownBy(() -> MaxMindIpIntel.open(dir.resolve("nope.mmdb"), null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nope.mmdb");
    }

    @Test
    void listsPlusMaxMind_combined_orFlagsFirstAsnWins() {
        Path lists = dir.getParent();
        IpIntel files = FileIpIntel.load(IpIntelConfig.fromDirectory(lists));
        try (MaxMindIpIntel m = MaxMindIpIntel.open(null, dir.resolve("GeoIP2-Anonymous-IP-Test.mmdb"))) {
            IpIntel both = CombinedIpIntel.of(files, m, IpIntel.NONE);
            IpInfo i = both.lookup("6.1.0.4");
            assertThat(i.residentialProxy()).isTrue();
            assertThat(i.asn()).isEqualTo(files.lookup("6.1.0.4").asn());
            assertThat(CombinedIpIntel.of(IpIntel.NONE)).isSameAs(IpIntel.NONE);
        }
    }
}
