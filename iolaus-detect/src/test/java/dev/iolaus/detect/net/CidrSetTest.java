package dev.iolaus.detect.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Membership in sorted merged ranges, at the edges, for IPv4 and IPv6. */
class CidrSetTest {
    @TempDir
    Path dir;

    @Test
    void ipv4Cidrs_contains_trueInsideFalseAtEdgesOutside() {
        CidrSet s = CidrSet.of("10.0.0.0/8", "192.0.2.0/24", "198.51.100.7");
        assertThat(s.contains("10.0.0.0")).isTrue();
        assertThat(s.contains("10.255.255.255")).isTrue();
        assertThat(s.contains("11.0.0.0")).isFalse();
        assertThat(s.contains("9.255.255.255")).isFalse();
        assertThat(s.contains("192.0.2.200")).isTrue();
        assertThat(s.contains("198.51.100.7")).isTrue();
        assertThat(s.contains("198.51.100.8")).isFalse();
        assertThat(s.contains("::ffff:10.1.2.3")).isTrue();
        assertThat(s.contains("garbage")).isFalse();
    }

    @Test
    void overlappingAndAdjacent_built_mergedIntoFewerRanges() {
        CidrSet s = CidrSet.of("10.0.0.0/24", "10.0.1.0/24", "10.0.0.128/25", "10.0.3.0/24", "0.0.0.0/0");
        assertThat(s.ipv4Ranges()).isEqualTo(1);
        CidrSet t = CidrSet.of("10.0.0.0/24", "10.0.1.0/24", "10.0.3.0/24");
        assertThat(t.ipv4Ranges()).isEqualTo(2);
        assertThat(t.contains("10.0.2.1")).isFalse();
        assertThat(t.contains("10.0.1.255")).isTrue();
    }

    @Test
    void ipv6Cidrs_contains_trueInsideFalseOutside() {
        CidrSet s = CidrSet.of("2001:db8::/32", "2600:1f00::/24", "2a01:4f8::1", "2001:db9::/32");
        assertThat(s.ipv6Ranges()).isEqualTo(3);
        assertThat(s.contains("2001:db8:ffff::1")).isTrue();
        assertThat(s.contains("2001:db9::")).isTrue();
        assertThat(s.contains("2001:dba::")).isFalse();
        assertThat(s.contains("2600:1fff:ffff::")).isTrue();
        assertThat(s.contains("2600:2000::")).isFalse();
        assertThat(s.contains("2a01:4f8::1")).isTrue();
        assertThat(s.contains("2a01:4f8::2")).isFalse();
        assertThat(s.contains("10.0.0.1")).isFalse();
    }

    @Test
    void listFile_loaded_skipsCommentsAndBlanksAndNamesBadLine() throws Exception {
        Path f = dir.resolve("list.txt");
        Files.write(f, List.of("# header", "", "192.0.2.0/24  # docs", "2001:db8::/32"));
        CidrSet s = CidrSet.load(f);
        assertThat(s.contains("192.0.2.9")).isTrue();
        assertThat(s.contains("2001:db8::9")).isTrue();
        Files.write(f, List.of("192.0.2.0/24", "192.0.2.0/33"));
        assertThatThrownBy(() -> CidrSet.load(f)).hasMessageContaining("list.txt:2").hasMessageContaining("0..32");
    }
}
