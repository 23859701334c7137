package dev.iolaus.detect.features;

/** The /24 of an IPv4 address or the /48 of an IPv6 address, parsed without allocation, as a hash. */
public final class IpPrefix {
    private IpPrefix() {
    }

    /** Hash of the address's /24 (IPv4) or /48 (IPv6) prefix; 0 when null or unparsable. */
    public static long prefixHash(String ip) {
        if (ip == null || ip.isEmpty()) {
            return 0;
        }
        if (ip.indexOf(':') >= 0) {
            return v6(ip);
        }
        int octets = 0;
        int v = 0;
        int acc = 0;
        int digits = 0;
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                if (++digits > 3 || v > 255) {
                    return 0;
                }
            } else if (c == '.') {
                if (digits == 0) {
                    return 0;
                }
                octets++;
                if (octets <= 3) {
                    acc = (acc << 8) | v;
                }
                v = 0;
                digits = 0;
            } else {
                return 0;
            }
        }
        if (octets != 3 || digits == 0) {
            return 0;
        }
        return Hash64.mix(0x400000000L | acc);
    }

    /** IPv4 /24 of the address as {@code a.b.c.0/24}, or the v6 text itself; for evidence only. */
    public static String prefixText(String ip) {
        if (ip == null) {
            return "?";
        }
        if (ip.indexOf(':') >= 0) {
            String[] parts = ip.split(":", -1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                b.append(parts[i]).append(':');
            }
            return b.append(":/48").toString();
        }
        int last = ip.lastIndexOf('.');
        return last < 0 ? ip : ip.substring(0, last) + ".0/24";
    }

    private static long v6(String ip) {
        // The first three hextets; "::" before the third one means the rest are zero.
        long acc = 0;
        int groups = 0;
        int v = 0;
        int digits = 0;
        for (int i = 0; i < ip.length() && groups < 3; i++) {
            char c = ip.charAt(i);
            int d = Character.digit(c, 16);
            if (d >= 0) {
                v = (v << 4) | d;
                if (++digits > 4) {
                    return 0;
                }
            } else if (c == ':') {
                acc = (acc << 16) | v;
                groups++;
                v = 0;
                if (digits == 0 && i + 1 < ip.length() && ip.charAt(i + 1) == ':' || digits == 0 && i > 0) {
                    // "::": zero-fill the remaining prefix groups.
                    while (groups < 3) {
                        acc <<= 16;
                        groups++;
                    }
                }
                digits = 0;
            } else if (c == '%' || c == '.') {
                break;
            } else {
                return 0;
            }
        }
        while (groups < 3) {
            acc = (acc << 16) | v;
            v = 0;
            groups++;
        }
        return Hash64.mix(0x6000000000000000L ^ acc);
    }
}
