package dev.iolaus.detect.baseline;

import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Interaction;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags accounts that call from datacenter (hosting or cloud), VPN or Tor addresses, as IP reputation lists do.
 *
 * <p>With {@link IpIntel#NONE} it flags nothing and {@link #note()} says so. Options: {@code min_hits} (anonymised
 * calls before flagging, default 1), {@code residential_proxy} (also count residential proxy exits, default 0 = no,
 * because such lists rarely know them). The score is the share of the account's calls from such addresses.
 */
public final class IpReputationDetector implements Detector {
    /** Registry name. */
    public static final String NAME = "ip-reputation";
    private static final int CACHE = 65_536;

    private final IpIntel intel;
    private final long minHits;
    private final boolean residentialProxy;
    private final Map<String, long[]> counts = new HashMap<>();
    /** Bounded LRU of lookups: traffic repeats addresses and lookups are the cost. */
    private final Map<String, IpInfo> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IpInfo> eldest) {
            return size() > CACHE;
        }
    };

    /** A detector using the context's IP intelligence and options. */
    public IpReputationDetector(DetectorContext ctx) {
        this(ctx.ipIntel(), (long) ctx.number("min_hits", 1), ctx.number("residential_proxy", 0) != 0);
    }

    /** A detector with explicit settings. */
    public IpReputationDetector(IpIntel intel, long minHits, boolean residentialProxy) {
        if (minHits < 1) {
            throw new IllegalArgumentException("ip-reputation: min_hits must be >= 1, was " + minHits);
        }
        this.intel = intel == null ? IpIntel.NONE : intel;
        this.minHits = minHits;
        this.residentialProxy = residentialProxy;
    }

    /** A sentence for reports when the detector cannot work, or null when it can. */
    public String note() {
        return intel.configured() ? null : "no IP intelligence configured: ip-reputation flags nothing";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        long[] c = counts.computeIfAbsent(interaction.accountId(), k -> new long[2]);
        c[0]++;
        if (!intel.configured() || interaction.clientIp() == null) {
            return;
        }
        IpInfo info = cache.computeIfAbsent(interaction.clientIp(), intel::lookup);
        String kind = kind(info);
        if (kind == null) {
            return;
        }
        c[1]++;
        if (c[1] == minHits) {
            String as = info.asn() > 0 ? " (AS" + info.asn() + (info.org() == null ? "" : " " + info.org()) + ")" : "";
            out.flag(new AccountFinding(NAME, interaction.accountId(), (double) c[1] / c[0], interaction.time(), null,
                    List.of(new Evidence("ip_reputation",
                            "called from " + kind + " address " + interaction.clientIp() + as, 1.0))));
        }
    }

    private String kind(IpInfo info) {
        if (info.tor()) {
            return "Tor exit";
        }
        if (info.vpn()) {
            return "VPN";
        }
        if (info.datacenter() || info.cloud()) {
            return "datacenter";
        }
        return residentialProxy && info.residentialProxy() ? "residential proxy" : null;
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> m = new HashMap<>(counts.size() * 2);
        counts.forEach((k, c) -> {
            if (c[1] > 0) {
                m.put(k, (double) c[1] / c[0]);
            }
        });
        return m;
    }
}
