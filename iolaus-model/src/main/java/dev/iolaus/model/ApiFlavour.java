package dev.iolaus.model;

/** The API shape an interaction used, named as on the wire ({@code openai.chat}, {@code anthropic.messages}, ...). */
public enum ApiFlavour {
    OPENAI_CHAT("openai.chat"),
    OPENAI_COMPLETIONS("openai.completions"),
    OPENAI_RESPONSES("openai.responses"),
    OPENAI_EMBEDDINGS("openai.embeddings"),
    /** Model listing ({@code GET /v1/models}): no prompt, no usage. */
    OPENAI_MODELS("openai.models"),
    ANTHROPIC_MESSAGES("anthropic.messages"),
    /** Anthropic token counting ({@code POST /v1/messages/count_tokens}): a prompt, input tokens counted, no output. */
    ANTHROPIC_COUNT_TOKENS("anthropic.count_tokens");

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
        StringBuilder names = new StringBuilder();
        for (ApiFlavour f : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(f.wire);
        }
        throw new IllegalArgumentException("unknown api flavour '" + s + "' (expected one of " + names + ")");
    }
}
