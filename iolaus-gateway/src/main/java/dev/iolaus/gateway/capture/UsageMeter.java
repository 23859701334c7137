package dev.iolaus.gateway.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.model.Usage;
import java.io.IOException;

/**
 * Accumulates token usage seen in a response: a JSON body's {@code usage}, or the usage carried by stream events
 * (OpenAI's final chunk, Responses' {@code response.completed}, Anthropic's {@code message_start} and
 * {@code message_delta}). Values merge by maximum, since streams repeat cumulative counts.
 */
public final class UsageMeter {
    private int input;
    private int output;
    private int reasoning;
    private boolean seen;

    /** Reads the usage of one JSON document (a whole body or one event's data); ignores anything else. */
    public void observe(byte[] json, int off, int len) {
        try {
            observe(RequestInfo.JSON.readTree(json, off, len));
        } catch (IOException | RuntimeException e) {
            // Not JSON (or not ours to judge): usage simply stays unknown.
        }
    }

    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Reads the usage of a whole JSON response body. Only the {@code usage} object is parsed (found by its key, the
     * last one in the body, as OpenAI and Anthropic put it); a body without one is parsed whole only when small
     * (count_tokens answers {@code {"input_tokens": N}}).
     */
    public void observeBody(byte[] b, int len) {
        int at = lastIndexOf(b, len, USAGE_KEY);
        if (at < 0) {
            if (len <= 256) {
                observe(b, 0, len);
            }
            return;
        }
        int i = at + USAGE_KEY.length;
        while (i < len && (b[i] == ' ' || b[i] == ':' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        if (i < len && b[i] == '{') {
            try {
                // Jackson reads the first value and ignores what follows the object.
                usage(RequestInfo.JSON.readTree(b, i, len - i));
            } catch (IOException | RuntimeException e) {
                // Unknown usage.
            }
        }
    }

    /** Last occurrence of {@code p} in {@code b[0, len)}, searched from the end (usage comes last), or -1. */
    static int lastIndexOf(byte[] b, int len, byte[] p) {
        outer:
        for (int i = len - p.length; i >= 0; i--) {
            for (int j = 0; j < p.length; j++) {
                if (b[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads the usage found in a parsed document. */
    public void observe(JsonNode root) {
        if (root == null || !root.isObject()) {
            return;
        }
        usage(root.get("usage"));
        usage(root.path("response").get("usage"));
        usage(root.path("message").get("usage"));
        JsonNode counted = root.get("input_tokens");
        if (counted != null && counted.isInt() && root.size() == 1) {
            // count_tokens answers {"input_tokens": N}.
            input = Math.max(input, counted.asInt());
            seen = true;
        }
    }

    private void usage(JsonNode u) {
        if (u == null || !u.isObject()) {
            return;
        }
        seen = true;
        int in = u.path("prompt_tokens").asInt(u.path("input_tokens").asInt(0))
                + u.path("cache_creation_input_tokens").asInt(0) + u.path("cache_read_input_tokens").asInt(0);
        int out = u.path("completion_tokens").asInt(u.path("output_tokens").asInt(0));
        int reas = u.path("completion_tokens_details").path("reasoning_tokens")
                .asInt(u.path("output_tokens_details").path("reasoning_tokens").asInt(0));
        input = Math.max(input, in);
        output = Math.max(output, out);
        reasoning = Math.max(reasoning, reas);
    }

    /** True when any usage was found. */
    public boolean seen() {
        return seen;
    }

    /** The usage so far. */
    public Usage usage() {
        return seen ? new Usage(input, output, reasoning) : Usage.ZERO;
    }

    /** Input plus output tokens (what token limits charge). */
    public long total() {
        return (long) input + output;
    }
}
