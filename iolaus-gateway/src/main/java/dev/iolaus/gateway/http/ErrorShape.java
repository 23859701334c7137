package dev.iolaus.gateway.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Error bodies in the shape each API's clients parse: OpenAI {@code {"error":{"message","type","param","code"}}},
 * Anthropic {@code {"type":"error","error":{"type","message"}}}.
 */
public final class ErrorShape {
    private ErrorShape() {
    }

    /** The kinds of error the gateway itself produces. */
    public enum Kind {
        UNAUTHORIZED(401, "invalid_request_error", "invalid_api_key", "authentication_error"),
        FORBIDDEN(403, "permission_error", "forbidden", "permission_error"),
        RATE_LIMITED(429, "rate_limit_error", "rate_limit_exceeded", "rate_limit_error"),
        NOT_FOUND(404, "invalid_request_error", "not_found", "not_found_error"),
        TOO_LARGE(413, "invalid_request_error", "request_too_large", "request_too_large"),
        INTERNAL(500, "server_error", "internal_error", "api_error"),
        BAD_GATEWAY(502, "server_error", "upstream_error", "api_error"),
        TIMEOUT(504, "server_error", "upstream_timeout", "api_error");

        final int status;
        final String openAiType;
        final String openAiCode;
        final String anthropicType;

        Kind(int status, String openAiType, String openAiCode, String anthropicType) {
            this.status = status;
            this.openAiType = openAiType;
            this.openAiCode = openAiCode;
            this.anthropicType = anthropicType;
        }

        /** HTTP status. */
        public int status() {
            return status;
        }
    }

    /** The JSON error body for an endpoint; {@code code} overrides the OpenAI code when not null. */
    public static String body(boolean anthropic, Kind kind, String code, String message) {
        String m = quote(message);
        if (anthropic) {
            return "{\"type\":\"error\",\"error\":{\"type\":\"" + kind.anthropicType + "\",\"message\":" + m + "}}";
        }
        return "{\"error\":{\"message\":" + m + ",\"type\":\"" + kind.openAiType + "\",\"param\":null,\"code\":\""
                + (code != null ? code : kind.openAiCode) + "\"}}";
    }

    /** The same error as one SSE event, for a stream that fails after its headers were sent. */
    public static String streamEvent(boolean anthropic, Kind kind, String message) {
        if (anthropic) {
            return "event: error\ndata: " + body(true, kind, null, message) + "\n\n";
        }
        return "data: " + body(false, kind, null, message) + "\n\n";
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
