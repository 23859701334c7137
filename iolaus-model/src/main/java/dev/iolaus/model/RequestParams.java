package dev.iolaus.model;

import java.util.List;

/**
 * Sampling and shape parameters of a request; every field is null when the client did not send it.
 *
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param maxTokens output token cap
 * @param n number of choices
 * @param stream whether the response was streamed
 * @param toolNames names of the tools offered, empty when none
 * @param responseFormat {@code text}, {@code json_object}, {@code json_schema}, or null
 */
public record RequestParams(Double temperature, Double topP, Integer maxTokens, Integer n, Boolean stream,
                            List<String> toolNames, String responseFormat) {
    /** Parameters with nothing set. */
    public static final RequestParams NONE = new RequestParams(null, null, null, null, null, List.of(), null);

    public RequestParams {
        toolNames = toolNames == null ? List.of() : List.copyOf(toolNames);
    }

    /** True when the request was streamed. */
    public boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }
}
