package dev.iolaus.detect.features;

/** The capability a prompt targets, as the feature extractor classifies it from lexicons and structure. */
public enum Capability {
    CODING, AGENTIC, MATHS, CHAT, CREATIVE, OTHER;

    private static final Capability[] VALUES = values();

    /** The capability with the given ordinal. */
    public static Capability of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Lower-case name used in evidence and reports. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
