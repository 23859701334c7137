package dev.iolaus.io.maxmind;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import dev.iolaus.detect.net.IpAddresses;
import dev.iolaus.detect.net.IpInfo;
import dev.iolaus.detect.net.IpIntel;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link IpIntel} over MaxMind DB files: an ASN database (GeoLite2-ASN or GeoIP2-ISP: {@code
 * autonomous_system_number}, {@code autonomous_system_organization}) and an Anonymous-IP database ({@code
 * is_anonymous_vpn}, {@code is_hosting_provider}, {@code is_tor_exit_node}, {@code is_residential_proxy}; {@code
 * is_public_proxy} counts as VPN).
 *
 * <p>Either file may be absent. Addresses are parsed by {@link IpAddresses} and handed to the reader as raw bytes,
 * so text that is not an address never triggers a DNS lookup. Thread-safe; close to unmap the files.
 */
public final class MaxMindIpIntel implements IpIntel, Closeable {
    private final Reader asn;
    private final Reader anonymous;

    private MaxMindIpIntel(Reader asn, Reader anonymous) {
        this.asn = asn;
        this.anonymous = anonymous;
    }

    /**
     * Opens the databases given (null for none).
     *
     * @throws UncheckedIOException naming the file when one cannot be read or is not a MaxMind DB
     */
    public static MaxMindIpIntel open(Path asnDb, Path anonymousIpDb) {
        return new MaxMindIpIntel(reader(asnDb), reader(anonymousIpDb));
    }

    private static Reader reader(Path p) {
        if (p == null) {
            return null;
        }
        if (!Files.isRegularFile(p)) {
            throw new UncheckedIOException(new IOException("MaxMind database not found: " + p));
        }
        try {
            return new Reader(p.toFile(), new CHMCache());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open MaxMind database " + p + ": " + e.getMessage(), e);
        }
    }

    /** The database type from each file's metadata, e.g. {@code GeoLite2-ASN}; null where not configured. */
    public String[] databaseTypes() {
        return new String[] {asn == null ? null : asn.getMetadata().databaseType(),
                anonymous == null ? null : anonymous.getMetadata().databaseType()};
    }

    @Override
    public boolean configured() {
        return asn != null || anonymous != null;
    }

    @Override
    public IpInfo lookup(String ip) {
        InetAddress addr = address(ip);
        if (addr == null) {
            return IpInfo.UNKNOWN;
        }
        try {
            int number = 0;
            String org = null;
            if (asn != null) {
                Map<?, ?> r = asn.get(addr, Map.class);
                if (r != null) {
                    Object n = r.get("autonomous_system_number");
                    number = n instanceof Number num ? num.intValue() : 0;
                    Object o = r.get("autonomous_system_organization");
                    org = o == null ? null : o.toString();
                }
            }
            boolean hosting = false;
            boolean vpn = false;
            boolean tor = false;
            boolean residential = false;
            if (anonymous != null) {
                Map<?, ?> r = anonymous.get(addr, Map.class);
                if (r != null) {
                    hosting = flag(r, "is_hosting_provider");
                    // IpInfo has no separate open-proxy flag; an open proxy anonymises like a VPN exit.
                    vpn = flag(r, "is_anonymous_vpn") || flag(r, "is_public_proxy");
                    tor = flag(r, "is_tor_exit_node");
                    residential = flag(r, "is_residential_proxy");
                }
            }
            if (number == 0 && org == null && !hosting && !vpn && !tor && !residential) {
                return IpInfo.UNKNOWN;
            }
            return new IpInfo(number, org, hosting, false, vpn, tor, residential);
        } catch (IOException e) {
            throw new UncheckedIOException("MaxMind lookup of " + ip + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean flag(Map<?, ?> r, String key) {
        return Boolean.TRUE.equals(r.get(key));
    }

    /** The address as an InetAddress built from bytes (no DNS), or null when the text is not an address. */
    static InetAddress address(String ip) {
        if (ip == null) {
            return null;
        }
        try {
            long v4 = IpAddresses.parseIpv4(ip);
            if (v4 >= 0) {
                return InetAddress.getByAddress(new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8),
                        (byte) v4});
            }
            long[] a = new long[2];
            if (!IpAddresses.parseIpv6(ip, a)) {
                return null;
            }
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (a[0] >>> (56 - 8 * i));
                b[8 + i] = (byte) (a[1] >>> (56 - 8 * i));
            }
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null; // only thrown for a wrong byte count, which cannot happen here
        }
    }

    @Override
    public void close() {
        try {
            if (asn != null) {
                asn.close();
            }
            if (anonymous != null) {
                anonymous.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
