package dev.iolaus.gateway.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes for capture. {@link #textHash}: {@link dev.iolaus.model.Hashes#textHash} without its per-call costs (digest lookup, full hex string): one
 * {@link MessageDigest} per thread and hex of the 8 bytes kept (same value, checked by a test). {@link #fnv1a64}: a
 * cheap stable hash where no cryptographic property is needed (header order).
 */
public final class FastHash {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** FNV-1a 64-bit offset basis. */
    public static final long FNV_OFFSET = 0xcbf29ce484222325L;
    /** FNV-1a 64-bit prime. */
    public static final long FNV_PRIME = 0x100000001b3L;

    private FastHash() {
    }

    /** FNV-1a 64 of a text's chars (each char taken as one unit; header names are ASCII). */
    public static long fnv1a64(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** The 16 lower-case hex digits of a 64-bit value. */
    public static String hex64(long v) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(out);
    }

    /** First 16 hex characters of SHA-256 of the UTF-8 text. */
    public static String textHash(String text) {
        byte[] d = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[d[i] & 0xF];
        }
        return new String(out);
    }
}
