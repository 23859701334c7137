package dev.iolaus.gateway.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a TLS ClientHello that a JA4 fingerprint reads, parsed from the bytes the client sent.
 *
 * <p>Values are kept as sent, GREASE included and in wire order: {@link Ja4} decides what to drop and what to sort.
 *
 * @param legacyVersion the {@code legacy_version} field of the hello (not the record layer's version)
 * @param cipherSuites cipher suite codes in wire order
 * @param extensions extension type codes in wire order
 * @param supportedVersions versions of the {@code supported_versions} extension (0x002b), empty without it
 * @param signatureAlgorithms codes of the {@code signature_algorithms} extension (0x000d) in wire order
 * @param firstAlpn the first ALPN protocol, one char per byte (ISO-8859-1), or null without ALPN values
 */
public record ClientHello(int legacyVersion, List<Integer> cipherSuites, List<Integer> extensions,
                          List<Integer> supportedVersions, List<Integer> signatureAlgorithms, String firstAlpn) {
    /** Largest ClientHello message accepted: real ones are a few KiB even with post-quantum key shares. */
    public static final int MAX_MESSAGE = 64 * 1024;
    static final int EXT_SERVER_NAME = 0x0000;
    static final int EXT_SIGNATURE_ALGORITHMS = 0x000d;
    static final int EXT_ALPN = 0x0010;
    static final int EXT_SUPPORTED_VERSIONS = 0x002b;
    private static final int RECORD_HANDSHAKE = 22;
    private static final int HANDSHAKE_CLIENT_HELLO = 1;

    /** Copies the lists so the record stays immutable. */
    public ClientHello {
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
        supportedVersions = List.copyOf(supportedVersions);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
    }

    /** True when the client sent a server name (SNI). */
    public boolean hasServerName() {
        return extensions.contains(EXT_SERVER_NAME);
    }

    /**
     * Parses the TLS records that carry a ClientHello (record header {@code 0x16 0x03 0x0N} onwards; the hello may
     * span several records). Never throws: truncated, malformed or non-handshake input gives null.
     */
    public static ClientHello parse(byte[] records) {
        if (records == null) {
            return null;
        }
        return reassemble(records, records.length) instanceof Reassembly.Complete c ? parseMessage(c.message()) : null;
    }

    /**
     * Parses one handshake message (type {@code 0x01}, 3-byte length, body). Never throws: anything malformed
     * gives null.
     */
    public static ClientHello parseMessage(byte[] message) {
        try {
            return parseBody(message);
        } catch (RuntimeException e) {
            // Only bounds failures can get here (every read is checked first); a bad hello never breaks a caller.
            return null;
        }
    }

    /** Where reassembling a ClientHello from record bytes stands. */
    sealed interface Reassembly {
        /** More bytes are needed. */
        record Incomplete() implements Reassembly {
        }

        /** The bytes are not a ClientHello (or too large); stop looking. */
        record Invalid() implements Reassembly {
        }

        /** The whole handshake message, header included. */
        record Complete(byte[] message) implements Reassembly {
        }
    }

    private static final Reassembly INCOMPLETE = new Reassembly.Incomplete();
    private static final Reassembly INVALID = new Reassembly.Invalid();

    /** Walks the first {@code len} bytes as TLS records and returns the ClientHello message once it is whole. */
    static Reassembly reassemble(byte[] b, int len) {
        byte[] msg = null;
        int have = 0;
        int need = -1;
        int p = 0;
        while (p + 5 <= len) {
            if ((b[p] & 0xff) != RECORD_HANDSHAKE || (b[p + 1] & 0xff) != 3) {
                return INVALID;
            }
            int recLen = u16(b, p + 3);
            if (recLen == 0 || recLen > (1 << 14) + 2048) {
                return INVALID;
            }
            int avail = Math.min(recLen, len - p - 5);
            int from = p + 5;
            if (msg == null) {
                // Parse the 4-byte handshake header once; a header split across records is too rare to support.
                if (avail < 4) {
                    return avail < recLen ? INCOMPLETE : INVALID;
                }
                if ((b[from] & 0xff) != HANDSHAKE_CLIENT_HELLO) {
                    return INVALID;
                }
                int bodyLen = ((b[from + 1] & 0xff) << 16) | u16(b, from + 2);
                need = bodyLen + 4;
                if (bodyLen < 38 || need > MAX_MESSAGE) {
                    return INVALID;
                }
                msg = new byte[need];
            }
            int n = Math.min(avail, need - have);
            System.arraycopy(b, from, msg, have, n);
            have += n;
            if (have == need) {
                return new Reassembly.Complete(msg);
            }
            if (avail < recLen) {
                return INCOMPLETE;
            }
            p += 5 + recLen;
        }
        return INCOMPLETE;
    }

    private static ClientHello parseBody(byte[] m) {
        if (m == null || m.length < 4 || (m[0] & 0xff) != HANDSHAKE_CLIENT_HELLO) {
            return null;
        }
        int end = 4 + (((m[1] & 0xff) << 16) | u16(m, 2));
        if (end > m.length) {
            return null;
        }
        int p = 4;
        if (p + 2 + 32 + 1 > end) {
            return null;
        }
        int legacyVersion = u16(m, p);
        p += 2 + 32;
        int sid = m[p] & 0xff;
        p += 1 + sid;
        if (sid > 32 || p + 2 > end) {
            return null;
        }
        int cs = u16(m, p);
        p += 2;
        if ((cs & 1) != 0 || p + cs > end) {
            return null;
        }
        List<Integer> ciphers = new ArrayList<>(cs / 2);
        for (int i = 0; i < cs; i += 2) {
            ciphers.add(u16(m, p + i));
        }
        p += cs;
        if (p + 1 > end) {
            return null;
        }
        p += 1 + (m[p] & 0xff);
        if (p > end) {
            return null;
        }
        List<Integer> exts = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<Integer> sigs = new ArrayList<>();
        String alpn = null;
        if (p < end) {
            if (p + 2 > end) {
                return null;
            }
            int extEnd = p + 2 + u16(m, p);
            p += 2;
            if (extEnd > end) {
                return null;
            }
            while (p < extEnd) {
                if (p + 4 > extEnd) {
                    return null;
                }
                int type = u16(m, p);
                int len = u16(m, p + 2);
                int data = p + 4;
                p = data + len;
                if (p > extEnd) {
                    return null;
                }
                exts.add(type);
                switch (type) {
                    case EXT_SUPPORTED_VERSIONS -> list16(m, data, len, 1, versions);
                    case EXT_SIGNATURE_ALGORITHMS -> list16(m, data, len, 2, sigs);
                    case EXT_ALPN -> alpn = alpn == null ? firstAlpn(m, data, len) : alpn;
                    default -> {
                    }
                }
            }
        }
        return new ClientHello(legacyVersion, ciphers, exts, versions, sigs, alpn);
    }

    /** Reads a vector of 16-bit values whose byte length is given in {@code lenBytes} (1 or 2) bytes; lenient. */
    private static void list16(byte[] m, int data, int len, int lenBytes, List<Integer> out) {
        if (len < lenBytes) {
            return;
        }
        int n = lenBytes == 1 ? m[data] & 0xff : u16(m, data);
        int p = data + lenBytes;
        int end = Math.min(p + n, data + len);
        for (; p + 2 <= end; p += 2) {
            out.add(u16(m, p));
        }
    }

    /** The first protocol name of an ALPN extension, or null when the list is empty or malformed. */
    private static String firstAlpn(byte[] m, int data, int len) {
        if (len < 3) {
            return null;
        }
        int listLen = u16(m, data);
        int n = m[data + 2] & 0xff;
        if (n == 0 || listLen < 1 + n || 3 + n > len) {
            return null;
        }
        return new String(m, data + 3, n, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
