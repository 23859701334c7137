package dev.iolaus.detect.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composed lookup sets each flag from its own list, and nothing configured means NONE. */
class FileIpIntelTest {
    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    @Test
    void smallLists_lookup_setsFlagsFromEachList() throws Exception {
        IpIntelConfig c = new IpIntelConfig(
                file("asn.csv", "198.51.100.0,198.51.100.255,64501,Hoster GmbH", "203.0.113.0,203.0.113.255,64502,Home ISP"),
                file("dc.txt", "192.0.2.0/25"),
                file("dc-asn.txt", "AS64501\t# Hoster, DE"),
                file("vpn.txt", "203.0.113.128/25"),
                file("tor.txt", "203.0.113.5", "2001:db8::5"),
                file("cloud.txt", "192.0.2.0/26"));
        IpIntel intel = FileIpIntel.load(c);
        assertThat(intel.configured()).isTrue();
        assertThat(intel.lookup("198.51.100.9")).isEqualTo(new IpInfo(64501, "Hoster GmbH", true, false, false, false, false));
        assertThat(intel.lookup("203.0.113.5")).isEqualTo(new IpInfo(64502, "Home ISP", false, false, false, true, false));
        assertThat(intel.lookup("203.0.113.200")).isEqualTo(new IpInfo(64502, "Home ISP", false, false, true, false, false));
        assertThat(intel.lookup("192.0.2.10")).isEqualTo(new IpInfo(0, null, true, true, false, false, false));
        assertThat(intel.lookup("192.0.2.100").cloud()).isFalse();
        assertThat(intel.lookup("2001:db8::5").tor()).isTrue();
        assertThat(intel.lookup("8.8.8.8")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(intel.lookup("not an ip")).isEqualTo(IpInfo.UNKNOWN);
        assertThat(intel.lookup(null)).isEqualTo(IpInfo.UNKNOWN);
    }

    @Test
    void nothingConfigured_load_isNone() {
        assertThat(FileIpIntel.load(IpIntelConfig.NONE)).isSameAs(IpIntel.NONE);
        assertThat(FileIpIntel.load(IpIntelConfig.fromDirectory(dir))).isSameAs(IpIntel.NONE);
    }
}
