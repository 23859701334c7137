package dev.iolaus.eval;

/** Minimal IPv4 parsing and CIDR matching for the enforcement point (IPv6 blocks match exact addresses only). */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address as an unsigned 32-bit value, or -1 when it is not dotted-quad IPv4. */
    static long parse(String s) {
        long v = 0;
        int parts = 0;
        int cur = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i == s.length() ? '.' : s.charAt(i);
            if (c == '.') {
                if (cur < 0 || cur > 255 || ++parts > 4) {
                    return -1;
                }
                v = (v << 8) | cur;
                cur = -1;
            } else if (c >= '0' && c <= '9') {
                cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
                if (cur > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return parts == 4 ? v : -1;
    }

    /** True when {@code ip} lies in {@code cidr} ("a.b.c.d/n"); false for anything unparsable. */
    static boolean inCidr(long ip, String cidr) {
        int slash = cidr.indexOf('/');
        long base = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        if (base < 0) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > 32) {
            return false;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ip & mask) == (base & mask);
    }
}
