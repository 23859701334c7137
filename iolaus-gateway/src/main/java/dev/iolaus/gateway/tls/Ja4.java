package dev.iolaus.gateway.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JA4 TLS client fingerprint (FoxIO, BSD-3-Clause spec) of a ClientHello, such as
 * {@code t13d1516h2_8daaf6152771_e5627efa2ab1}.
 *
 * <p>Part a: protocol ({@code t}: TLS over TCP, the only kind the gateway terminates), version (highest
 * {@code supported_versions} value, else the hello's legacy version; GREASE ignored), {@code d}/{@code i} for
 * SNI present or not, two-digit cipher and extension counts (GREASE excluded, SNI and ALPN included, capped at 99),
 * first and last character of the first ALPN value ({@code 00} without one). Part b: the first 12 hex characters of
 * the SHA-256 of the sorted cipher codes (4 lower-case hex digits each, comma-joined). Part c: the same hash of the
 * sorted extension codes without SNI (0000) and ALPN (0010), followed by {@code _} and the signature algorithms in
 * wire order (no underscore when there are none). An empty list hashes to {@code 000000000000}. GREASE values
 * (0x0a0a, 0x1a1a, ... 0xfafa) are ignored everywhere.
 */
public final class Ja4 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String EMPTY_HASH = "000000000000";

    private Ja4() {
    }

    /** The JA4 of the TLS records carrying a ClientHello, or null when they are not a well-formed ClientHello. */
    public static String of(byte[] clientHelloRecords) {
        ClientHello hello = ClientHello.parse(clientHelloRecords);
        return hello == null ? null : of(hello);
    }

    /** The JA4 of a parsed ClientHello (null for null). */
    public static String of(ClientHello h) {
        if (h == null) {
            return null;
        }
        List<Integer> ciphers = withoutGrease(h.cipherSuites());
        List<Integer> exts = withoutGrease(h.extensions());
        StringBuilder a = new StringBuilder(10);
        a.append('t').append(version(h)).append(h.hasServerName() ? 'd' : 'i');
        twoDigits(a, ciphers.size());
        twoDigits(a, exts.size());
        a.append(alpn(h.firstAlpn()));

        String b = hash12(joinSorted(ciphers));
        List<Integer> hashed = new ArrayList<>(exts.size());
        for (int e : exts) {
            if (e != ClientHello.EXT_SERVER_NAME && e != ClientHello.EXT_ALPN) {
                hashed.add(e);
            }
        }
        StringBuilder c = new StringBuilder(joinSorted(hashed));
        List<Integer> sigs = withoutGrease(h.signatureAlgorithms());
        if (!sigs.isEmpty()) {
            c.append('_');
            join(c, sigs);
        }
        return a.append('_').append(b).append('_').append(hash12(c.toString())).toString();
    }

    /** True for an RFC 8701 GREASE value: both bytes equal, each of the form 0x?a. */
    public static boolean isGrease(int v) {
        return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
    }

    /** The two-character version code. */
    static String version(ClientHello h) {
        int v = -1;
        for (int sv : h.supportedVersions()) {
            if (!isGrease(sv) && sv > v) {
                v = sv;
            }
        }
        if (v < 0) {
            v = h.legacyVersion();
        }
        return switch (v) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0200, 0x0002 -> "s2";
            case 0x0100 -> "s1";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    /**
     * First and last character of the first ALPN value; {@code 00} without one. A one-character value gives that
     * character and {@code 0} (as FoxIO's reference implementation does). When either end is not an ASCII letter
     * or digit, the first hex digit of the first byte and the last hex digit of the last byte are used instead.
     */
    static String alpn(String first) {
        if (first == null || first.isEmpty()) {
            return "00";
        }
        char f = first.charAt(0);
        char l = first.charAt(first.length() - 1);
        if (!alnum(f) || !alnum(l)) {
            return new String(new char[] {HEX[(f >> 4) & 0xf], HEX[l & 0xf]});
        }
        return first.length() == 1 ? f + "0" : new String(new char[] {f, l});
    }

    private static boolean alnum(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static List<Integer> withoutGrease(List<Integer> values) {
        List<Integer> out = new ArrayList<>(values.size());
        for (int v : values) {
            if (!isGrease(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static void twoDigits(StringBuilder sb, int n) {
        int v = Math.min(n, 99);
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Sorted numerically, which is the spec's hex-string order since every code is 4 hex digits. */
    private static String joinSorted(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        StringBuilder sb = new StringBuilder(sorted.size() * 5);
        join(sb, sorted);
        return sb.toString();
    }

    private static void join(StringBuilder sb, List<Integer> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            int v = values.get(i);
            sb.append(HEX[(v >> 12) & 0xf]).append(HEX[(v >> 8) & 0xf]).append(HEX[(v >> 4) & 0xf]).append(HEX[v & 0xf]);
        }
    }

    /** First 12 hex characters of the SHA-256 of the text; {@value #EMPTY_HASH} for an empty text. */
    static String hash12(String text) {
        if (text.isEmpty()) {
            return EMPTY_HASH;
        }
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        char[] out = new char[12];
        for (int i = 0; i < 6; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }
}
