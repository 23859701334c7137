package dev.iolaus.gateway.fake;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake upstream's deterministic answers: the same request always gives the same bytes (ids and timestamps are
 * derived from the request), so tests can compare what arrives through the gateway with what arrives directly.
 */
final class Answers {
    private static final String[] VOCAB = {"the", "model", "answers", "with", "a", "short", "and", "plain",
        "sentence", "about", "distillation", "tokens", "gateway", "stream", "chunk", "usage"};
    private static final long CREATED = 1_700_000_000L;
    private final String model;
    private final int input;
    private final List<String> words = new ArrayList<>();
    private final String hex;
    private final boolean includeUsage;

    Answers(JsonNode req, int outputTokens) {
        this.model = req.path("model").asText("fake-model");
        // Content depends on the request, not on stream_options (the gateway may add include_usage).
        JsonNode forHash = req;
        if (req.isObject() && req.has("stream_options")) {
            forHash = req.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) forHash).remove("stream_options");
        }
        String text = forHash.toString();
        int h = text.hashCode();
        this.hex = String.format("%08x", h);
        this.input = Math.max(1, (text.length() + 3) / 4);
        int max = req.path("max_tokens").asInt(req.path("max_completion_tokens").asInt(req.path("max_output_tokens").asInt(outputTokens)));
        int n = Math.max(1, Math.min(outputTokens, max));
        for (int i = 0; i < n; i++) {
            words.add(VOCAB[Math.floorMod(h + i * 7, VOCAB.length)]);
        }
        this.includeUsage = req.path("stream_options").path("include_usage").asBoolean(false);
    }

    int inputTokens() {
        return input;
    }

    private String text() {
        return String.join(" ", words);
    }

    private String delta(int i) {
        return i == 0 ? words.get(0) : " " + words.get(i);
    }

    private String m() {
        return q(model);
    }

    private String openAiUsage() {
        return "{\"prompt_tokens\":" + input + ",\"completion_tokens\":" + words.size() + ",\"total_tokens\":"
                + (input + words.size()) + ",\"completion_tokens_details\":{\"reasoning_tokens\":0}}";
    }

    private String responsesUsage() {
        return "{\"input_tokens\":" + input + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":"
                + words.size() + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":"
                + (input + words.size()) + "}";
    }

    String body(String path) {
        return switch (path) {
            case "/v1/chat/completions" -> "{\"id\":\"chatcmpl-" + hex + "\",\"object\":\"chat.completion\",\"created\":"
                    + CREATED + ",\"model\":" + m() + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":" + q(text()) + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                    + "\"usage\":" + openAiUsage() + "}";
            case "/v1/completions" -> "{\"id\":\"cmpl-" + hex + "\",\"object\":\"text_completion\",\"created\":" + CREATED
                    + ",\"model\":" + m() + ",\"choices\":[{\"text\":" + q(text())
                    + ",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":" + openAiUsage() + "}";
            case "/v1/responses" -> response("completed", text(), responsesUsage());
            default -> "{\"id\":\"msg_" + hex + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + m()
                    + ",\"content\":[{\"type\":\"text\",\"text\":" + q(text()) + "}],\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + input + ",\"output_tokens\":"
                    + words.size() + "}}";
        };
    }

    private String response(String status, String text, String usage) {
        String output = text == null ? "[]" : "[{\"type\":\"message\",\"id\":\"msg_" + hex + "\",\"status\":\"completed\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":" + q(text)
                + ",\"annotations\":[]}]}]";
        return "{\"id\":\"resp_" + hex + "\",\"object\":\"response\",\"created_at\":" + CREATED + ",\"status\":\""
                + status + "\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"metadata\":{},"
                + "\"model\":" + m() + ",\"output\":" + output + ",\"parallel_tool_calls\":true,\"temperature\":1.0,"
                + "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"usage\":" + usage + "}";
    }

    /** The SSE events of a streamed answer, each ending with a blank line. */
    List<String> events(String path) {
        List<String> out = new ArrayList<>();
        switch (path) {
            case "/v1/chat/completions" -> {
                String head = "data: {\"id\":\"chatcmpl-" + hex + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                        + CREATED + ",\"model\":" + m() + ",\"choices\":[";
                String tail = includeUsage ? ",\"usage\":null}\n\n" : "}\n\n";
                out.add(head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                        + "\"finish_reason\":null}]" + tail);
                for (int i = 0; i < words.size(); i++) {
                    out.add(head + "{\"index\":0,\"delta\":{\"content\":" + q(delta(i))
                            + "},\"logprobs\":null,\"finish_reason\":null}]" + tail);
                }
                out.add(head + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]" + tail);
                if (includeUsage) {
                    out.add(head + "],\"usage\":" + openAiUsage() + "}\n\n");
                }
                out.add("data: [DONE]\n\n");
            }
            case "/v1/completions" -> {
                String head = "data: {\"id\":\"cmpl-" + hex + "\",\"object\":\"text_completion\",\"created\":"
                        + CREATED + ",\"model\":" + m() + ",\"choices\":[";
                String tail = includeUsage ? ",\"usage\":null}\n\n" : "}\n\n";
                for (int i = 0; i < words.size(); i++) {
                    out.add(head + "{\"text\":" + q(delta(i)) + ",\"index\":0,\"logprobs\":null,"
                            + "\"finish_reason\":" + (i == words.size() - 1 ? "\"stop\"" : "null") + "}]" + tail);
                }
                if (includeUsage) {
                    out.add(head + "],\"usage\":" + openAiUsage() + "}\n\n");
                }
                out.add("data: [DONE]\n\n");
            }
            case "/v1/responses" -> {
                out.add("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                        + "\"response\":" + response("in_progress", null, "null") + "}\n\n");
                for (int i = 0; i < words.size(); i++) {
                    out.add("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                            + "\"sequence_number\":" + (i + 1) + ",\"item_id\":\"msg_" + hex + "\",\"output_index\":0,"
                            + "\"content_index\":0,\"delta\":" + q(delta(i)) + ",\"logprobs\":[]}\n\n");
                }
                out.add("event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":"
                        + (words.size() + 1) + ",\"response\":" + response("completed", text(), responsesUsage())
                        + "}\n\n");
            }
            default -> {
                out.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_" + hex
                        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + m() + ",\"content\":[],"
                        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + input
                        + ",\"output_tokens\":1}}}\n\n");
                out.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
                out.add("event: ping\ndata: {\"type\":\"ping\"}\n\n");
                for (int i = 0; i < words.size(); i++) {
                    out.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":" + q(delta(i)) + "}}\n\n");
                }
                out.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
                out.add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                        + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + words.size() + "}}\n\n");
                out.add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            }
        }
        return out;
    }

    String embeddings() {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            v.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f",
                    ((hex.charAt(i) % 16) - 8) / 8.0));
        }
        v.append(']');
        return "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":" + v + "}],"
                + "\"model\":" + m() + ",\"usage\":{\"prompt_tokens\":" + input + ",\"total_tokens\":" + input + "}}";
    }

    static String models() {
        return "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\",\"created\":" + CREATED
                + ",\"owned_by\":\"iolaus\"}]}";
    }

    private static String q(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
