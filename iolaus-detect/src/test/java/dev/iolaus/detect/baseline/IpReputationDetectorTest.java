package dev.iolaus.detect.baseline;

import static dev.iolaus.detect.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.spi.DetectorContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpReputationDetectorTest {
    /** 198.51.100.x is a datacenter, 192.0.2.x a VPN, 203.0.113.66 a Tor exit, everything else residential. */
    private static final IpIntel INTEL = ip -> {
        if (ip.startsWith("198.51.100.")) {
            return new IpInfo(64500, "Hosting Inc", true, false, false, false, false);
        }
        if (ip.startsWith("192.0.2.")) {
            return new IpInfo(64501, "VPN Co", false, false, true, false, false);
        }
        if (ip.equals("203.0.113.66")) {
            return new IpInfo(64502, null, false, false, false, true, false);
        }
        return new IpInfo(64503, "Home ISP", false, false, false, false, false);
    };

    @Test
    void onInteraction_datacenterVpnAndTor_areFlaggedResidentialIsNot() {
        IpReputationDetector d = new IpReputationDetector(new DetectorContext(INTEL, Map.of()));
        Calls.Collector out = new Calls.Collector();
        d.onInteraction(call().account("dc").ip("198.51.100.9").build(), out);
        d.onInteraction(call().account("vpn").ip("192.0.2.1").build(), out);
        d.onInteraction(call().account("tor").ip("203.0.113.66").build(), out);
        d.onInteraction(call().account("home").ip("203.0.113.5").build(), out);
        d.onInteraction(call().account("dc").ip("198.51.100.10").build(), out);
        assertThat(out.accounts()).containsExactly("dc", "vpn", "tor");
        assertThat(out.flags.get(0).evidence().get(0).text()).contains("datacenter", "AS64500");
        assertThat(d.accountScores()).containsEntry("dc", 1.0).doesNotContainKey("home");
        assertThat(d.note()).isNull();
    }

    @Test
    void accountScores_shareOfAnonymisedCalls() {
        IpReputationDetector d = new IpReputationDetector(new DetectorContext(INTEL, Map.of()));
        Calls.Collector out = new Calls.Collector();
        d.onInteraction(call().account("mixed").ip("203.0.113.5").build(), out);
        d.onInteraction(call().account("mixed").ip("198.51.100.9").build(), out);
        assertThat(d.accountScores()).containsEntry("mixed", 0.5);
    }

    @Test
    void onInteraction_withoutIpIntel_flagsNothingAndSaysSo() {
        IpReputationDetector d = new IpReputationDetector(DetectorContext.empty());
        Calls.Collector out = new Calls.Collector();
        d.onInteraction(call().ip("198.51.100.9").build(), out);
        assertThat(out.flags).isEmpty();
        assertThat(d.note()).contains("no IP intelligence");
    }

    @Test
    void minHits_delaysTheFlag() {
        IpReputationDetector d = new IpReputationDetector(new DetectorContext(INTEL, Map.of("min_hits", 3)));
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 2; i++) {
            d.onInteraction(call().ip("198.51.100.9").build(), out);
        }
        assertThat(out.flags).isEmpty();
        d.onInteraction(call().ip("198.51.100.9").build(), out);
        assertThat(out.flags).hasSize(1);
    }
}
