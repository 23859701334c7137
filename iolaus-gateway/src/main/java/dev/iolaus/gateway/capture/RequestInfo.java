package dev.iolaus.gateway.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What capture keeps of a request body: model, parameters and messages, read once from the JSON the client sent.
 *
 * @param model model requested, or null
 * @param stream true when the client asked for a stream
 * @param includeUsage true when an OpenAI client already asked for {@code stream_options.include_usage}
 * @param hasStreamOptions true when the body has a {@code stream_options} object
 * @param params sampling parameters
 * @param messages turns in order
 * @param conversationId client conversation id ({@code conversation} or {@code previous_response_id}), or null
 * @param endUserId the end user the caller names for one of its own customers, or null (see {@link EndUser})
 * @param json the parsed body, or null when it was not a JSON object
 */
public record RequestInfo(String model, boolean stream, boolean includeUsage, boolean hasStreamOptions,
                          RequestParams params, List<Message> messages, String conversationId, String endUserId,
                          JsonNode json) {
    /** Shared mapper (thread-safe). */
    public static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A body that was empty or not JSON. */
    public static final RequestInfo EMPTY = new RequestInfo(null, false, false, false, RequestParams.NONE, List.of(),
            null, null, null);

    /** Reads a request body of the given flavour; never throws (bad JSON gives {@link #EMPTY}). */
    public static RequestInfo parse(ApiFlavour flavour, byte[] body) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return EMPTY;
        }
        if (root == null || !root.isObject()) {
            return EMPTY;
        }
        boolean stream = root.path("stream").asBoolean(false);
        JsonNode so = root.get("stream_options");
        boolean includeUsage = so != null && so.path("include_usage").asBoolean(false);
        List<Message> messages = new ArrayList<>();
        switch (flavour) {
            case OPENAI_CHAT -> turns(root.get("messages"), messages);
            case OPENAI_COMPLETIONS, OPENAI_EMBEDDINGS -> prompt(root.has("prompt") ? root.get("prompt") : root.get("input"), messages);
            case OPENAI_RESPONSES -> {
                addText(Role.SYSTEM, root.get("instructions"), messages);
                JsonNode input = root.get("input");
                if (input != null && input.isArray()) {
                    turns(input, messages);
                } else {
                    addText(Role.USER, input, messages);
                }
            }
            case ANTHROPIC_MESSAGES, ANTHROPIC_COUNT_TOKENS -> {
                addText(Role.SYSTEM, root.get("system"), messages);
                turns(root.get("messages"), messages);
            }
        }
        Integer maxTokens = intOrNull(root, "max_tokens");
        if (maxTokens == null) {
            maxTokens = intOrNull(root, "max_completion_tokens");
        }
        if (maxTokens == null) {
            maxTokens = intOrNull(root, "max_output_tokens");
        }
        List<String> tools = new ArrayList<>();
        JsonNode t = root.get("tools");
        if (t != null && t.isArray()) {
            for (JsonNode tool : t) {
                String name = tool.path("function").path("name").asText(tool.path("name").asText(null));
                if (name != null) {
                    tools.add(name);
                }
            }
        }
        String fmt = root.path("response_format").path("type").asText(null);
        if (fmt == null) {
            fmt = root.path("text").path("format").path("type").asText(null);
        }
        RequestParams params = new RequestParams(doubleOrNull(root, "temperature"), doubleOrNull(root, "top_p"),
                maxTokens, intOrNull(root, "n"), root.has("stream") ? stream : null, tools, fmt);
        String conv = root.path("conversation").isTextual() ? root.get("conversation").asText()
                : root.path("conversation").path("id").asText(root.path("previous_response_id").asText(null));
        String model = root.path("model").isTextual() ? root.get("model").asText() : null;
        return new RequestInfo(model, stream, includeUsage, so != null && so.isObject(), params, messages, conv,
                EndUser.of(flavour, root), root);
    }

    private static void turns(JsonNode arr, List<Message> out) {
        if (arr == null || !arr.isArray()) {
            return;
        }
        for (JsonNode m : arr) {
            Role role;
            try {
                role = Role.fromWire(m.path("role").asText("user"));
            } catch (IllegalArgumentException e) {
                role = Role.USER;
            }
            addText(role, m.has("content") ? m.get("content") : m.get("output"), out);
        }
    }

    private static void prompt(JsonNode p, List<Message> out) {
        if (p != null && p.isArray()) {
            for (JsonNode x : p) {
                addText(Role.USER, x, out);
            }
        } else {
            addText(Role.USER, p, out);
        }
    }

    /** Adds the text of a string or of an array of content blocks ({@code {"type":"text","text":...}}). */
    private static void addText(Role role, JsonNode content, List<Message> out) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            out.add(message(role, content.asText()));
            return;
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode block : content) {
                String text = block.isTextual() ? block.asText() : block.path("text").asText(null);
                if (text != null) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(text);
                }
            }
            if (!sb.isEmpty()) {
                out.add(message(role, sb.toString()));
            }
        }
    }

    /** A captured message: the text with its hash and length (shared by the tree and the streaming parser). */
    static Message message(Role role, String text) {
        return new Message(role, text, FastHash.textHash(text), text.length());
    }

    private static Integer intOrNull(JsonNode root, String f) {
        JsonNode n = root.get(f);
        return n != null && n.canConvertToInt() && n.isNumber() ? n.asInt() : null;
    }

    private static Double doubleOrNull(JsonNode root, String f) {
        JsonNode n = root.get(f);
        return n != null && n.isNumber() ? n.asDouble() : null;
    }
}
