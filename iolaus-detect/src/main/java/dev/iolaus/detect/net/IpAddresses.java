package dev.iolaus.detect.net;

/**
 * Allocation-free parsing of textual IP addresses and the stable network prefixes detectors group by.
 *
 * <p>Hand-written rather than {@link java.net.InetAddress}: this runs once per event, and {@code InetAddress}
 * would resolve a host name given by mistake (a DNS lookup inside detection).
 */
public final class IpAddresses {
    /** Returned by {@link #parseIpv4} for text that is not a dotted-quad IPv4 address. */
    public static final long INVALID = -1;

    private IpAddresses() {
    }

    /** The IPv4 address as an unsigned value in {@code [0, 2^32)}, or {@link #INVALID}. */
    public static long parseIpv4(CharSequence s) {
        return parseIpv4(s, 0, s.length());
    }

    /** {@link #parseIpv4(CharSequence)} of {@code s[from, to)}. */
    public static long parseIpv4(CharSequence s, int from, int to) {
        int len = to - from;
        if (len < 7 || len > 15) {
            return INVALID;
        }
        long v = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > 0 && part == 0) {
                    return INVALID; // leading zero: "01" is ambiguous (octal in some parsers)
                }
                part = part * 10 + (c - '0');
                if (++digits > 3 || part > 255) {
                    return INVALID;
                }
            } else if (c == '.') {
                if (digits == 0 || ++dots > 3) {
                    return INVALID;
                }
                v = (v << 8) | part;
                part = 0;
                digits = 0;
            } else {
                return INVALID;
            }
        }
        if (dots != 3 || digits == 0) {
            return INVALID;
        }
        return (v << 8) | part;
    }

    /**
     * Parses an IPv6 address ({@code ::} compression, embedded IPv4 tail, {@code [brackets]} and {@code %zone}
     * accepted) into {@code out[0]} (high 64 bits) and {@code out[1]} (low 64 bits).
     *
     * @return false when the text is not an IPv6 address
     */
    public static boolean parseIpv6(CharSequence text, long[] out) {
        int from = 0;
        int to = text.length();
        if (to > 1 && text.charAt(0) == '[' && text.charAt(to - 1) == ']') {
            from = 1;
            to--;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '%') {
                to = i;
                break;
            }
        }
        if (to - from < 2 || to - from > 45) {
            return false;
        }
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int v = 0;
            while (i < to && i - start < 5) {
                int h = hex(text.charAt(i));
                if (h < 0) {
                    break;
                }
                v = (v << 4) | h;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // Embedded IPv4 tail, e.g. ::ffff:192.0.2.1.
                long v4 = parseIpv4(text, start, to);
                if (v4 < 0 || n > 6) {
                    return false;
                }
                groups[n++] = (int) (v4 >>> 16);
                groups[n++] = (int) (v4 & 0xffff);
                i = to;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || n == 8) {
                return false;
            }
            groups[n++] = v;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = n;
                i++;
            } else if (i == to) {
                return false; // trailing single colon
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = n - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | full[k];
            lo = (lo << 16) | full[k + 4];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), or {@link #INVALID}.
     */
    public static long mappedIpv4(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xffffL ? lo & 0xffffffffL : INVALID;
    }

    /** Dotted-quad text of an unsigned IPv4 value. */
    public static String formatIpv4(long ip) {
        return ((ip >>> 24) & 0xff) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }

    /**
     * The network an address belongs to for grouping: {@code a.b.c.0/24} for IPv4 (and IPv4-mapped IPv6),
     * {@code x:y:z::/48} for IPv6 (lower-case, no leading zeros), or null when the text is not an address.
     */
    public static String prefix(String ip) {
        long v4 = parseIpv4(ip);
        long[] v6 = null;
        if (v4 < 0) {
            v6 = new long[2];
            if (!parseIpv6(ip, v6)) {
                return null;
            }
            v4 = mappedIpv4(v6[0], v6[1]);
        }
        if (v4 >= 0) {
            return ((v4 >>> 24) & 0xff) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + ".0/24";
        }
        long hi = v6[0];
        return Long.toHexString(hi >>> 48) + ":" + Long.toHexString((hi >>> 32) & 0xffff) + ":"
                + Long.toHexString((hi >>> 16) & 0xffff) + "::/48";
    }

    /**
     * The same network as {@link #prefix} as a long, for maps keyed by primitives: IPv6 /48 keys are below
     * {@code 2^48}, IPv4 /24 keys are {@code 2^48 + (ip >>> 8)}; {@link #INVALID} when not an address.
     */
    public static long prefixKey(String ip) {
        long v4 = parseIpv4(ip);
        if (v4 >= 0) {
            return (1L << 48) | (v4 >>> 8);
        }
        long[] v6 = new long[2];
        if (!parseIpv6(ip, v6)) {
            return INVALID;
        }
        v4 = mappedIpv4(v6[0], v6[1]);
        return v4 >= 0 ? (1L << 48) | (v4 >>> 8) : v6[0] >>> 16;
    }
}
