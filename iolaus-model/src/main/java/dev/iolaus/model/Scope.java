package dev.iolaus.model;

/** What a decision applies to. */
public enum Scope {
    ACCOUNT, API_KEY, IP, CIDR, CAMPAIGN, PAYMENT_FINGERPRINT;

    /** Lower-case wire name. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name. */
    public static Scope fromWire(String s) {
        for (Scope v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + s
                + "' (expected account, api_key, ip, cidr, campaign or payment_fingerprint)");
    }
}
