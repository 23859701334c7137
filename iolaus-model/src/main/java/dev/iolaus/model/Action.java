package dev.iolaus.model;

/** What enforcement does, ordered from mildest to strongest. */
public enum Action {
    FLAG, THROTTLE, CHALLENGE, BLOCK;

    /** Lower-case wire name. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name. */
    public static Action fromWire(String s) {
        for (Action v : values()) {
            if (v.wire().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown action '" + s + "' (expected flag, throttle, challenge or block)");
    }
}
