package dev.iolaus.io.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A field of {@link dev.iolaus.model.Interaction} that a {@link FieldMapping} can fill from a foreign log. */
public enum Target {
    /** Account id (required). */
    ACCOUNT("account"),
    /** API key id. */
    KEY("key"),
    /** Organisation id. */
    ORG("org"),
    /** Event id; default: synthesised from the file name hash and the line number. */
    EVENT_ID("event_id"),
    /** Event time (required): RFC 3339, or epoch seconds / millis / micros / nanos detected by magnitude. */
    TIME("time"),
    /** Client address. */
    IP("ip"),
    /** User-Agent header. */
    UA("ua"),
    /** Model requested. */
    MODEL("model"),
    /** API flavour wire name; default {@code openai.chat}. */
    FLAVOUR("flavour"),
    /** Last user turn text. */
    PROMPT("prompt"),
    /** System prompt text. */
    SYSTEM("system"),
    /** Assistant answer text. */
    RESPONSE("response"),
    /** A whole OpenAI- or Anthropic-style messages array ({@code role} plus {@code content} string or parts). */
    MESSAGES("messages"),
    /** Prompt tokens; default 0. */
    INPUT_TOKENS("input_tokens"),
    /** Completion tokens; default 0. */
    OUTPUT_TOKENS("output_tokens"),
    /** Output token cap. */
    MAX_TOKENS("max_tokens"),
    /** Sampling temperature. */
    TEMPERATURE("temperature"),
    /** Nucleus sampling mass. */
    TOP_P("top_p"),
    /** Conversation id. */
    CONVERSATION("conversation"),
    /** The account's own end user (a reseller's customer): each becomes a sub-account in detection. */
    END_USER("end_user"),
    /** HTTP status; default 200. */
    STATUS("status"),
    /** Latency in milliseconds; default 0. */
    LATENCY("latency_ms");

    private final String key;

    Target(String key) {
        this.key = key;
    }

    /** The name used in a mapping spec. */
    public String key() {
        return key;
    }

    /** Parses a spec name (also accepts {@code id}, {@code api_key}, {@code user_agent}, {@code latency}). */
    public static Target fromKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "id" -> {
                return EVENT_ID;
            }
            case "api_key", "api_key_id" -> {
                return KEY;
            }
            case "user_agent" -> {
                return UA;
            }
            case "latency" -> {
                return LATENCY;
            }
            case "account_id" -> {
                return ACCOUNT;
            }
            default -> {
                for (Target t : values()) {
                    if (t.key.equals(k)) {
                        return t;
                    }
                }
            }
        }
        throw new IllegalArgumentException("unknown mapping target '" + s + "' (known: "
                + Arrays.stream(values()).map(Target::key).collect(Collectors.joining(", ")) + ")");
    }
}
