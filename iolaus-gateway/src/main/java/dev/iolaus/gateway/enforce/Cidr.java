package dev.iolaus.gateway.enforce;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) and the address parsing it needs.
 *
 * <p>Parsing never does DNS: only literal addresses are accepted.
 *
 * @param address network address bytes (4 or 16), host bits cleared
 * @param prefix prefix length
 */
public record Cidr(byte[] address, int prefix) {

    /** Parses {@code a.b.c.d/n}, an IPv6 literal with {@code /n}, or a bare address (a host network). */
    public static Cidr parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        byte[] addr = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (addr == null) {
            throw new IllegalArgumentException("not an IP network: '" + text + "' (expected e.g. 10.0.0.0/8 or 2001:db8::/32)");
        }
        int max = addr.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + text + "'");
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length must be in [0, " + max + "] in '" + text + "'");
        }
        return new Cidr(mask(addr, prefix), prefix);
    }

    /** The lookup key of this network. */
    public Key key() {
        return new Key(address);
    }

    /** True when the address (text) lies in this network. */
    public boolean contains(String ip) {
        byte[] a = parseAddress(ip);
        return a != null && a.length == address.length && Arrays.equals(mask(a, prefix), address);
    }

    /** Address bytes of an IPv4/IPv6 literal (IPv4-mapped IPv6 becomes IPv4), or null when it is not one. */
    public static byte[] parseAddress(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%')) {
            return null;
        }
        try {
            byte[] b = java.net.InetAddress.getByName(s.startsWith("[") ? s.substring(1, s.length() - 1) : s).getAddress();
            return b;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int val = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (val < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) val;
                val = -1;
            } else if (c >= '0' && c <= '9') {
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (val > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    static byte[] mask(byte[] a, int prefix) {
        byte[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - bits)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return java.net.InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A masked network address used as a hash key (the prefix length is the map it lives in). */
    public record Key(byte[] bytes) {
        /** The key of an address under a prefix length. */
        static Key of(byte[] addr, int prefix) {
            return new Key(mask(addr, prefix));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
