package dev.iolaus.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrsTest {
    @Test
    void prefix_ofAddresses_isCanonical() {
        assertThat(Cidrs.prefix("203.0.113.77", 24)).isEqualTo("203.0.113.0/24");
        assertThat(Cidrs.prefix("10.1.2.3", 16)).isEqualTo("10.1.0.0/16");
        assertThat(Cidrs.prefix("2001:db8:abcd:12::1", 24)).isEqualTo("2001:db8:abcd::/48");
        assertThat(Cidrs.prefix("::1", 24)).isEqualTo("0:0:0::/48");
    }

    @Test
    void prefix_ofGarbage_isNull() {
        assertThat(Cidrs.prefix("300.1.1.1", 24)).isNull();
        assertThat(Cidrs.prefix("example.com", 24)).isNull();
        assertThat(Cidrs.prefix(null, 24)).isNull();
    }
}
