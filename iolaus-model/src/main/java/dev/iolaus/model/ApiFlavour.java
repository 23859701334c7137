package dev.iolaus.model;

/** The API shape an interaction used, named as on the wire ({@code openai.chat}, {@code anthropic.messages}, ...). */
public enum ApiFlavour {
    OPENAI_CHAT("openai.chat"),
    OPENAI_COMPLETIONS("openai.completions"),
    OPENAI_RESPONSES("openai.responses"),
    OPENAI_EMBEDDINGS("openai.embeddings"),
    ANTHROPIC_MESSAGES("anthropic.messages");

    private final String wire;

    ApiFlavour(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON and configuration. */
    public String wire() {
        return wire;
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the accepted values. */
    public static ApiFlavour fromWire(String s) {
        for (ApiFlavour f : values()) {
            if (f.wire.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown api flavour '" + s
                + "' (expected one of openai.chat, openai.completions, openai.responses, openai.embeddings, anthropic.messages)");
    }
}
