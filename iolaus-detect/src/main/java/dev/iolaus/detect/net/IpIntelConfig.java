package dev.iolaus.detect.net;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of the IP intelligence files to load; each is optional (null when not configured).
 *
 * @param asnCsv {@code start_ip,end_ip,asn,organisation} CSV, plain or {@code .gz}
 * @param datacenterCidrs hosting / datacenter networks, one CIDR a line
 * @param datacenterAsns hosting provider ASNs, {@code AS123 # comment} a line
 * @param vpnCidrs commercial VPN exit networks, one CIDR a line
 * @param torExits Tor exit addresses, one a line
 * @param cloudCidrs public cloud provider networks, one CIDR a line
 */
public record IpIntelConfig(Path asnCsv, Path datacenterCidrs, Path datacenterAsns, Path vpnCidrs, Path torExits,
                            Path cloudCidrs) {
    /** Nothing configured. */
    public static final IpIntelConfig NONE = new IpIntelConfig(null, null, null, null, null, null);

    /** True when no file is configured. */
    public boolean empty() {
        return asnCsv == null && datacenterCidrs == null && datacenterAsns == null && vpnCidrs == null
                && torExits == null && cloudCidrs == null;
    }

    /**
     * The files found in a folder laid out as the project's shared {@code ipintel} folder: {@code asn-ipv4.csv.gz}
     * (or {@code asn-ipv4.csv}), {@code datacenter-ipv4.txt}, {@code datacenter-asn.txt}, {@code vpn-ipv4.txt},
     * {@code tor-exit-ipv4.txt}, {@code cloud-ipv4.txt}. Missing files stay unconfigured.
     */
    public static IpIntelConfig fromDirectory(Path dir) {
        Path asn = existing(dir.resolve("asn-ipv4.csv.gz"));
        return new IpIntelConfig(asn != null ? asn : existing(dir.resolve("asn-ipv4.csv")),
                existing(dir.resolve("datacenter-ipv4.txt")), existing(dir.resolve("datacenter-asn.txt")),
                existing(dir.resolve("vpn-ipv4.txt")), existing(dir.resolve("tor-exit-ipv4.txt")),
                existing(dir.resolve("cloud-ipv4.txt")));
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}
