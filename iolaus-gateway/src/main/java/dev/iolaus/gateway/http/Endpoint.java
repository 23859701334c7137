package dev.iolaus.gateway.http;

import dev.iolaus.model.ApiFlavour;

/** The proxied API endpoints, with the flavour recorded and the error shape their clients expect. */
public enum Endpoint {
    CHAT("/v1/chat/completions", ApiFlavour.OPENAI_CHAT, false),
    COMPLETIONS("/v1/completions", ApiFlavour.OPENAI_COMPLETIONS, false),
    RESPONSES("/v1/responses", ApiFlavour.OPENAI_RESPONSES, false),
    EMBEDDINGS("/v1/embeddings", ApiFlavour.OPENAI_EMBEDDINGS, false),
    MODELS("/v1/models", ApiFlavour.OPENAI_MODELS, false),
    MESSAGES("/v1/messages", ApiFlavour.ANTHROPIC_MESSAGES, true),
    // usage = the counted input tokens; the request body has the Messages shape
    COUNT_TOKENS("/v1/messages/count_tokens", ApiFlavour.ANTHROPIC_COUNT_TOKENS, true);

    private final String path;
    private final ApiFlavour flavour;
    private final boolean anthropic;

    Endpoint(String path, ApiFlavour flavour, boolean anthropic) {
        this.path = path;
        this.flavour = flavour;
        this.anthropic = anthropic;
    }

    /** The path served. */
    public String path() {
        return path;
    }

    /** Flavour written into the interaction. */
    public ApiFlavour flavour() {
        return flavour;
    }

    /** True for Anthropic endpoints (error shape, usage fields, stream error events). */
    public boolean anthropic() {
        return anthropic;
    }

    /** True when a streamed response may need {@code stream_options.include_usage} added upstream. */
    public boolean openAiUsageOptIn() {
        return this == CHAT || this == COMPLETIONS;
    }

    /** The endpoint of a request path (query string excluded), or null. */
    public static Endpoint match(String path) {
        if (path == null || !path.startsWith("/v1/")) {
            return null;
        }
        return switch (path) {
            case "/v1/chat/completions" -> CHAT;
            case "/v1/completions" -> COMPLETIONS;
            case "/v1/responses" -> RESPONSES;
            case "/v1/embeddings" -> EMBEDDINGS;
            case "/v1/models" -> MODELS;
            case "/v1/messages" -> MESSAGES;
            case "/v1/messages/count_tokens" -> COUNT_TOKENS;
            default -> path.startsWith("/v1/models/") ? MODELS : null;
        };
    }
}
