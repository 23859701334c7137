package dev.iolaus.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable hashes used in events: hex SHA-256 prefixes, so values are comparable across deployments. */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** First 16 hex characters of SHA-256 of the UTF-8 text: enough to find repeats, too short to matter as PII. */
    public static String textHash(String text) {
        return sha256Hex(text).substring(0, 16);
    }

    /** Full hex SHA-256 of the UTF-8 text. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
