package dev.iolaus.model;

/** Lifecycle step an {@link AccountEvent} records. */
public enum AccountEventType {
    CREATED, UPDATED, VERIFIED, CLOSED, PAYMENT_METHOD_ADDED;

    /** Lower-case wire name. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name. */
    public static AccountEventType fromWire(String s) {
        for (AccountEventType t : values()) {
            if (t.wire().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown account event type '" + s
                + "' (expected created, updated, verified, closed or payment_method_added)");
    }
}
