package dev.iolaus.detect.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link IpIntel} sources asked in turn: the first known ASN and organisation win, flags are OR-ed.
 * E.g. the public lists of {@link FileIpIntel} plus a commercial Anonymous-IP database for residential proxies.
 */
public final class CombinedIpIntel implements IpIntel {
    private final List<IpIntel> sources;

    private CombinedIpIntel(List<IpIntel> sources) {
        this.sources = sources;
    }

    /** The configured sources combined; {@link IpIntel#NONE} when none is configured, the source itself when one. */
    public static IpIntel of(IpIntel... sources) {
        List<IpIntel> s = new ArrayList<>();
        for (IpIntel i : sources) {
            if (i != null && i.configured()) {
                s.add(i);
            }
        }
        return s.isEmpty() ? IpIntel.NONE : s.size() == 1 ? s.get(0) : new CombinedIpIntel(List.copyOf(s));
    }

    @Override
    public IpInfo lookup(String ip) {
        int asn = 0;
        String org = null;
        boolean dc = false;
        boolean cloud = false;
        boolean vpn = false;
        boolean tor = false;
        boolean rp = false;
        for (IpIntel s : sources) {
            IpInfo i = s.lookup(ip);
            if (asn == 0) {
                asn = i.asn();
            }
            if (org == null) {
                org = i.org();
            }
            dc |= i.datacenter();
            cloud |= i.cloud();
            vpn |= i.vpn();
            tor |= i.tor();
            rp |= i.residentialProxy();
        }
        if (asn == 0 && org == null && !dc && !cloud && !vpn && !tor && !rp) {
            return IpInfo.UNKNOWN;
        }
        return new IpInfo(asn, org, dc, cloud, vpn, tor, rp);
    }
}
