package dev.iolaus.detect.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpPrefixTest {
    @Test
    void prefixHash_sameSlash24_equal() {
        assertThat(IpPrefix.prefixHash("10.1.2.3")).isEqualTo(IpPrefix.prefixHash("10.1.2.250"))
                .isNotEqualTo(IpPrefix.prefixHash("10.1.3.3"));
    }

    @Test
    void prefixHash_ipv6_usesSlash48() {
        assertThat(IpPrefix.prefixHash("2001:db8:1:2::1")).isEqualTo(IpPrefix.prefixHash("2001:db8:1:ffff::9"))
                .isNotEqualTo(IpPrefix.prefixHash("2001:db8:2::1"));
        assertThat(IpPrefix.prefixHash("2001:db8::1")).isEqualTo(IpPrefix.prefixHash("2001:db8:0:5::1"));
    }

    @Test
    void prefixHash_garbage_zero() {
        assertThat(IpPrefix.prefixHash("not-an-ip")).isZero();
        assertThat(IpPrefix.prefixHash("1.2.3")).isZero();
        assertThat(IpPrefix.prefixHash(null)).isZero();
        assertThat(IpPrefix.prefixText("10.1.2.3")).isEqualTo("10.1.2.0/24");
    }
}
