package dev.iolaus.detect.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written address parsing agrees with the JDK on literals and rejects everything else. */
class IpAddressesTest {

    @Test
    void randomIpv4_parsed_roundTripsThroughFormat() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long ip = r.nextLong(1L << 32);
            assertThat(IpAddresses.parseIpv4(IpAddresses.formatIpv4(ip))).isEqualTo(ip);
        }
        assertThat(IpAddresses.parseIpv4("255.255.255.255")).isEqualTo(0xffffffffL);
        assertThat(IpAddresses.parseIpv4("0.0.0.0")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "01.2.3.4", "1..3.4", "1.2.3.4 ",
            "a.b.c.d", "1.2.3.1000", "example.com"})
    void invalidIpv4_parsed_invalid(String s) {
        assertThat(IpAddresses.parseIpv4(s)).isEqualTo(IpAddresses.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1:2",
            "1:2:3:4:5:6:7:8", "::ffff:192.0.2.128", "64:ff9b::192.0.2.33", "1::", "a:b:c:d:e:f:0:1"})
    void ipv6Literals_parsed_matchJdk(String s) throws Exception {
        long[] a = new long[2];
        assertThat(IpAddresses.parseIpv6(s, a)).isTrue();
        byte[] jdk = InetAddress.getByName(s).getAddress();
        if (jdk.length == 4) { // the JDK turns ::ffff:a.b.c.d into IPv4
            assertThat(IpAddresses.mappedIpv4(a[0], a[1])).isEqualTo(ByteBuffer.wrap(jdk).getInt() & 0xffffffffL);
        } else {
            ByteBuffer b = ByteBuffer.wrap(jdk);
            assertThat(a).containsExactly(b.getLong(), b.getLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "g::1", "1:2:3:4:5:6:7", "1::2:",
            "::1.2.3", "host.example"})
    void invalidIpv6_parsed_false(String s) {
        assertThat(IpAddresses.parseIpv6(s, new long[2])).isFalse();
    }

    @Test
    void prefixes_ofAddresses_stableNetworkNames() {
        assertThat(IpAddresses.prefix("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(IpAddresses.prefix("::ffff:203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(IpAddresses.prefix("2001:DB8:00a1:1234::9")).isEqualTo("2001:db8:a1::/48");
        assertThat(IpAddresses.prefix("nonsense")).isNull();
        assertThat(IpAddresses.prefixKey("203.0.113.77")).isEqualTo(IpAddresses.prefixKey("203.0.113.1"))
                .isNotEqualTo(IpAddresses.prefixKey("203.0.114.1"));
        assertThat(IpAddresses.prefixKey("2001:db8:a1::1")).isEqualTo(IpAddresses.prefixKey("2001:db8:a1:ffff::2"))
                .isNotEqualTo(IpAddresses.prefixKey("2001:db8:a2::1"));
        assertThat(IpAddresses.prefixKey("x")).isEqualTo(IpAddresses.INVALID);
    }
}
