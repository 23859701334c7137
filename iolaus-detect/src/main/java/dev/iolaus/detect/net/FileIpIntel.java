package dev.iolaus.detect.net;

/**
 * {@link IpIntel} over the text data files of {@link IpIntelConfig}: ASN table, datacenter CIDRs and ASNs, VPN,
 * Tor and cloud lists. Residential-proxy flags need a commercial feed (see {@code MaxMindIpIntel} in iolaus-io).
 *
 * <p>Immutable and thread-safe once loaded. A lookup parses the address once and bisects each table: no allocation
 * for IPv4 beyond the result record.
 */
public final class FileIpIntel implements IpIntel {
    private final AsnTable asns;
    private final CidrSet datacenter;
    private final AsnSet datacenterAsns;
    private final CidrSet vpn;
    private final CidrSet tor;
    private final CidrSet cloud;

    /** Composes already loaded tables; any may be null (not configured). */
    public FileIpIntel(AsnTable asns, CidrSet datacenter, AsnSet datacenterAsns, CidrSet vpn, CidrSet tor,
                       CidrSet cloud) {
        this.asns = asns;
        this.datacenter = datacenter == null ? CidrSet.EMPTY : datacenter;
        this.datacenterAsns = datacenterAsns == null ? AsnSet.EMPTY : datacenterAsns;
        this.vpn = vpn == null ? CidrSet.EMPTY : vpn;
        this.tor = tor == null ? CidrSet.EMPTY : tor;
        this.cloud = cloud == null ? CidrSet.EMPTY : cloud;
    }

    /**
     * Loads every configured file; {@link IpIntel#NONE} when nothing is configured.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     * @throws java.io.UncheckedIOException when a configured file cannot be read
     */
    public static IpIntel load(IpIntelConfig c) {
        if (c == null || c.empty()) {
            return IpIntel.NONE;
        }
        return new FileIpIntel(c.asnCsv() == null ? null : AsnTable.load(c.asnCsv()),
                c.datacenterCidrs() == null ? null : CidrSet.load(c.datacenterCidrs()),
                c.datacenterAsns() == null ? null : AsnSet.load(c.datacenterAsns()),
                c.vpnCidrs() == null ? null : CidrSet.load(c.vpnCidrs()),
                c.torExits() == null ? null : CidrSet.load(c.torExits()),
                c.cloudCidrs() == null ? null : CidrSet.load(c.cloudCidrs()));
    }

    @Override
    public IpInfo lookup(String ip) {
        if (ip == null) {
            return IpInfo.UNKNOWN;
        }
        long v4 = IpAddresses.parseIpv4(ip);
        if (v4 >= 0) {
            return lookupIpv4(v4);
        }
        long[] a = new long[2];
        if (!IpAddresses.parseIpv6(ip, a)) {
            return IpInfo.UNKNOWN;
        }
        long mapped = IpAddresses.mappedIpv4(a[0], a[1]);
        if (mapped >= 0) {
            return lookupIpv4(mapped);
        }
        int asn = 0;
        String org = null;
        if (asns != null) {
            int k = asns.indexOfIpv6(a[0], a[1]);
            if (k >= 0) {
                asn = asns.ipv6Asn(k);
                org = asns.ipv6Org(k);
            }
        }
        boolean dc = datacenter.containsIpv6(a[0], a[1]) || asn != 0 && datacenterAsns.contains(asn);
        return info(asn, org, dc, cloud.containsIpv6(a[0], a[1]), vpn.containsIpv6(a[0], a[1]),
                tor.containsIpv6(a[0], a[1]));
    }

    /** Lookup of an unsigned IPv4 value (from {@link IpAddresses#parseIpv4}). */
    public IpInfo lookupIpv4(long ip) {
        int asn = 0;
        String org = null;
        if (asns != null) {
            int k = asns.indexOfIpv4(ip);
            if (k >= 0) {
                asn = asns.ipv4Asn(k);
                org = asns.ipv4Org(k);
            }
        }
        boolean dc = datacenter.containsIpv4(ip) || asn != 0 && datacenterAsns.contains(asn);
        return info(asn, org, dc, cloud.containsIpv4(ip), vpn.containsIpv4(ip), tor.containsIpv4(ip));
    }

    private static IpInfo info(int asn, String org, boolean dc, boolean cloud, boolean vpn, boolean tor) {
        if (asn == 0 && !dc && !cloud && !vpn && !tor) {
            return IpInfo.UNKNOWN;
        }
        return new IpInfo(asn, org, dc, cloud, vpn, tor, false);
    }
}
