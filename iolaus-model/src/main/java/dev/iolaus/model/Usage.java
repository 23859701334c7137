package dev.iolaus.model;

/**
 * Token counts of one call, as reported by the upstream.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens, reasoning included
 * @param reasoningTokens hidden reasoning tokens, 0 when not reported
 */
public record Usage(int inputTokens, int outputTokens, int reasoningTokens) {
    /** No tokens (blocked or failed calls). */
    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
    }
}
