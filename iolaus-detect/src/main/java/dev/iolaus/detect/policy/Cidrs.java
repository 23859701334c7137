package dev.iolaus.detect.policy;

/** Network prefixes of textual addresses, for {@code cidr} scopes: {@code 203.0.113.7} gives {@code 203.0.113.0/24}. */
public final class Cidrs {
    private Cidrs() {
    }

    /**
     * The prefix holding the address: {@code v4Prefix} bits for IPv4, twice that (capped at 64) for IPv6.
     *
     * @return the CIDR in canonical text, or null when the address is not a valid IP literal
     */
    public static String prefix(String ip, int v4Prefix) {
        if (ip == null || ip.isEmpty()) {
            return null;
        }
        return ip.indexOf(':') >= 0 ? v6(ip, Math.min(64, v4Prefix * 2)) : v4(ip, v4Prefix);
    }

    private static String v4(String ip, int bits) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long addr = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return null;
            }
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return null;
            }
            if (v < 0 || v > 255) {
                return null;
            }
            addr = addr << 8 | v;
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        long net = addr & mask;
        return (net >> 24 & 255) + "." + (net >> 16 & 255) + "." + (net >> 8 & 255) + "." + (net & 255) + "/" + bits;
    }

    private static String v6(String ip, int bits) {
        int zone = ip.indexOf('%');
        String s = zone >= 0 ? ip.substring(0, zone) : ip;
        int[] groups = new int[8];
        int dbl = s.indexOf("::");
        String[] head;
        String[] tail;
        if (dbl >= 0) {
            head = s.substring(0, dbl).isEmpty() ? new String[0] : s.substring(0, dbl).split(":", -1);
            tail = s.substring(dbl + 2).isEmpty() ? new String[0] : s.substring(dbl + 2).split(":", -1);
            if (head.length + tail.length > 7) {
                return null;
            }
        } else {
            head = s.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        if (!fill(head, groups, 0) || !fill(tail, groups, 8 - tail.length)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int whole = bits / 16;
        for (int g = 0; g < whole; g++) {
            b.append(Integer.toHexString(groups[g])).append(':');
        }
        if (bits % 16 != 0) {
            int mask = 0xFFFF << (16 - bits % 16) & 0xFFFF;
            b.append(Integer.toHexString(groups[whole] & mask)).append(':');
        }
        return b.append(":/").append(bits).toString();
    }

    private static boolean fill(String[] parts, int[] groups, int from) {
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.isEmpty() || p.length() > 4 || p.indexOf('.') >= 0) {
                return false;
            }
            try {
                groups[from + k] = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
