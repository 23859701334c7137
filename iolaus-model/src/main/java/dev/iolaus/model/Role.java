package dev.iolaus.model;

/** Who wrote a message turn. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    /** Lower-case wire name. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name, accepting {@code developer} as OpenAI's alias for system. */
    public static Role fromWire(String s) {
        return switch (s) {
            case "system", "developer" -> SYSTEM;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            case "tool", "function" -> TOOL;
            default -> throw new IllegalArgumentException("unknown role '" + s + "' (expected system, user, assistant or tool)");
        };
    }
}
