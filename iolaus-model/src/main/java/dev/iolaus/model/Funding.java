package dev.iolaus.model;

/** Card funding type, as a BIN table reports it. */
public enum Funding {
    CREDIT, DEBIT, PREPAID, UNKNOWN;

    /** Lower-case wire name. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name. */
    public static Funding fromWire(String s) {
        for (Funding f : values()) {
            if (f.wire().equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown funding '" + s + "' (expected credit, debit, prepaid or unknown)");
    }
}
