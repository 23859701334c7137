package dev.iolaus.model;

/**
 * What the client's connection looked like, independent of what it claims.
 *
 * @param headerOrderHash hash of the order of HTTP header names, or null
 * @param ja4 TLS JA4 fingerprint when Iolaus terminated TLS, or null
 */
public record ClientFingerprint(String headerOrderHash, String ja4) {
    /** Nothing known. */
    public static final ClientFingerprint UNKNOWN = new ClientFingerprint(null, null);
}
