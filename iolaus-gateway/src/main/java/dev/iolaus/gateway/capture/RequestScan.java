package dev.iolaus.gateway.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RequestInfo#parse} without a tree: one pass of Jackson's streaming parser that keeps only the fields an
 * {@code Interaction} needs (model, parameters, message texts, conversation id) and skips the rest unread.
 *
 * <p>Runs on the capture thread for every call, so it avoids building a node per JSON value; the result equals
 * {@code RequestInfo.parse} for every field but {@code json} (null here), which only the usage opt-in step needs and
 * gets from the tree parse (checked by {@code RequestScanTest}).
 */
public final class RequestScan {
    private static final JsonFactory FACTORY = RequestInfo.JSON.getFactory();

    private RequestScan() {
    }

    /** Reads a request body of the given flavour; never throws (bad JSON gives {@link RequestInfo#EMPTY}). */
    public static RequestInfo scan(ApiFlavour flavour, byte[] body) {
        if (body == null || body.length == 0) {
            return RequestInfo.EMPTY;
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return RequestInfo.EMPTY;
            }
            return root(p, flavour);
        } catch (IOException | RuntimeException e) {
            return RequestInfo.EMPTY;
        }
    }

    /** Fields seen at the root; texts kept per role until the flavour's order is known. */
    private static final class Root {
        String model;
        Boolean stream;
        boolean streamOptionsObject;
        boolean includeUsage;
        List<Message> messages;          // chat/anthropic "messages"
        List<Message> system;            // anthropic "system"
        List<Message> instructions;      // responses "instructions"
        List<Message> prompt;            // completions/embeddings "prompt"
        List<Message> input;             // completions/embeddings/responses "input"
        Integer maxTokens;
        Integer maxCompletionTokens;
        Integer maxOutputTokens;
        Integer n;
        Double temperature;
        Double topP;
        List<String> tools;
        String responseFormat;
        String textFormat;
        String conversation;
        String conversationIdField;
        String previousResponseId;
        final EndUser.Fields endUser;

        Root(ApiFlavour flavour) {
            endUser = new EndUser.Fields(flavour);
        }
    }

    private static RequestInfo root(JsonParser p, ApiFlavour flavour) throws IOException {
        Root r = new Root(flavour);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "model" -> r.model = t == JsonToken.VALUE_STRING ? p.getText() : skip(p, null);
                case "stream" -> r.stream = asBoolean(p, t);
                case "stream_options" -> streamOptions(p, t, r);
                case "messages" -> r.messages = turnsOrNull(p, t, flavour == ApiFlavour.OPENAI_CHAT
                        || anthropicShape(flavour));
                case "system" -> r.system = textOrSkip(p, t, Role.SYSTEM, anthropicShape(flavour));
                case "instructions" -> r.instructions = textOrSkip(p, t, Role.SYSTEM, flavour == ApiFlavour.OPENAI_RESPONSES);
                case "prompt" -> r.prompt = promptOrSkip(p, t, isPromptFlavour(flavour));
                case "input" -> r.input = flavour == ApiFlavour.OPENAI_RESPONSES
                        ? (t == JsonToken.START_ARRAY ? turns(p) : text(p, t, Role.USER))
                        : promptOrSkip(p, t, isPromptFlavour(flavour));
                case "max_tokens" -> r.maxTokens = asInt(p, t);
                case "max_completion_tokens" -> r.maxCompletionTokens = asInt(p, t);
                case "max_output_tokens" -> r.maxOutputTokens = asInt(p, t);
                case "n" -> r.n = asInt(p, t);
                case "temperature" -> r.temperature = asDouble(p, t);
                case "top_p" -> r.topP = asDouble(p, t);
                case "tools" -> r.tools = t == JsonToken.START_ARRAY ? tools(p) : skip(p, null);
                case "response_format" -> r.responseFormat = t == JsonToken.START_OBJECT ? field(p, "type") : skip(p, null);
                case "text" -> r.textFormat = t == JsonToken.START_OBJECT ? textFormat(p) : skip(p, null);
                case "conversation" -> conversation(p, t, r);
                case "previous_response_id" -> r.previousResponseId = scalarText(p, t);
                case EndUser.SAFETY_IDENTIFIER, EndUser.USER, EndUser.METADATA -> r.endUser.read(p, f, t);
                default -> p.skipChildren();
            }
        }
        List<Message> messages = new ArrayList<>();
        switch (flavour) {
            case OPENAI_CHAT -> addAll(messages, r.messages);
            case OPENAI_COMPLETIONS, OPENAI_EMBEDDINGS -> addAll(messages, r.prompt != null ? r.prompt : r.input);
            case OPENAI_RESPONSES -> {
                addAll(messages, r.instructions);
                addAll(messages, r.input);
            }
            case ANTHROPIC_MESSAGES, ANTHROPIC_COUNT_TOKENS -> {
                addAll(messages, r.system);
                addAll(messages, r.messages);
            }
        }
        Integer maxTokens = r.maxTokens != null ? r.maxTokens
                : r.maxCompletionTokens != null ? r.maxCompletionTokens : r.maxOutputTokens;
        String fmt = r.responseFormat != null ? r.responseFormat : r.textFormat;
        boolean stream = r.stream != null && r.stream;
        RequestParams params = new RequestParams(r.temperature, r.topP, maxTokens, r.n, r.stream == null ? null : stream,
                r.tools == null ? List.of() : r.tools, fmt);
        String conv = r.conversation != null ? r.conversation
                : r.conversationIdField != null ? r.conversationIdField : r.previousResponseId;
        return new RequestInfo(r.model, stream, r.includeUsage, r.streamOptionsObject, params, messages, conv,
                r.endUser.id(), null);
    }

    /** Messages and count_tokens share the request shape (system + messages). */
    private static boolean anthropicShape(ApiFlavour f) {
        return f == ApiFlavour.ANTHROPIC_MESSAGES || f == ApiFlavour.ANTHROPIC_COUNT_TOKENS;
    }

    private static boolean isPromptFlavour(ApiFlavour f) {
        return f == ApiFlavour.OPENAI_COMPLETIONS || f == ApiFlavour.OPENAI_EMBEDDINGS;
    }

    private static void addAll(List<Message> out, List<Message> in) {
        if (in != null) {
            out.addAll(in);
        }
    }

    /** A present key wins even when its value gives no text (as {@code root.has("prompt")} in the tree version). */
    private static List<Message> promptOrSkip(JsonParser p, JsonToken t, boolean wanted) throws IOException {
        if (!wanted) {
            return skip(p, null);
        }
        List<Message> out = new ArrayList<>(1);
        if (t == JsonToken.START_ARRAY) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                addText(p, t, Role.USER, out);
            }
        } else {
            addText(p, t, Role.USER, out);
        }
        return out;
    }

    private static List<Message> textOrSkip(JsonParser p, JsonToken t, Role role, boolean wanted) throws IOException {
        return wanted ? text(p, t, role) : skip(p, null);
    }

    private static List<Message> text(JsonParser p, JsonToken t, Role role) throws IOException {
        List<Message> out = new ArrayList<>(1);
        addText(p, t, role, out);
        return out;
    }

    private static List<Message> turnsOrNull(JsonParser p, JsonToken t, boolean wanted) throws IOException {
        return wanted && t == JsonToken.START_ARRAY ? turns(p) : skip(p, null);
    }

    /** An array of turns: objects with a role and a content (or, for Responses items, an output). */
    private static List<Message> turns(JsonParser p) throws IOException {
        List<Message> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            Role role = Role.USER;
            List<Message> content = null;
            List<Message> output = null;
            boolean hasContent = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "role" -> role = v == JsonToken.VALUE_STRING ? role(p.getText()) : skip(p, Role.USER);
                    case "content" -> {
                        hasContent = true;
                        content = text(p, v, Role.USER);
                    }
                    case "output" -> output = text(p, v, Role.USER);
                    default -> p.skipChildren();
                }
            }
            List<Message> texts = hasContent ? content : output;
            if (texts != null) {
                for (Message m : texts) {
                    out.add(new Message(role, m.text(), m.textHash(), m.length()));
                }
            }
        }
        return out;
    }

    private static Role role(String wire) {
        try {
            return Role.fromWire(wire);
        } catch (IllegalArgumentException e) {
            return Role.USER;
        }
    }

    /** The text of a string, or of an array of content blocks; anything else gives nothing. */
    private static void addText(JsonParser p, JsonToken t, Role role, List<Message> out) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            out.add(RequestInfo.message(role, p.getText()));
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        StringBuilder sb = new StringBuilder();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String text = t == JsonToken.VALUE_STRING ? p.getText() : t == JsonToken.START_OBJECT ? field(p, "text")
                    : skip(p, null);
            if (text != null) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(text);
            }
        }
        if (!sb.isEmpty()) {
            out.add(RequestInfo.message(role, sb.toString()));
        }
    }

    /** Inside an object (just after its START_OBJECT): the text of one field (last one wins), the rest skipped. */
    private static String field(JsonParser p, String name) throws IOException {
        String out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean match = name.equals(p.currentName());
            JsonToken v = p.nextToken();
            if (match) {
                out = scalarText(p, v);
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** {@code JsonNode.asText(null)}: text of a scalar, "" for a container, null for JSON null. */
    private static String scalarText(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "";
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static List<String> tools(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String fn = null;
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals("function") && v == JsonToken.START_OBJECT) {
                    fn = field(p, "name");
                } else if (f.equals("name")) {
                    name = scalarText(p, v);
                } else {
                    p.skipChildren();
                }
            }
            String n = fn != null ? fn : name;
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** {@code text.format.type} of the Responses API. */
    private static String textFormat(JsonParser p) throws IOException {
        String out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean match = p.currentName().equals("format");
            JsonToken v = p.nextToken();
            if (match && v == JsonToken.START_OBJECT) {
                out = field(p, "type");
            } else {
                if (match) {
                    out = null;
                }
                p.skipChildren();
            }
        }
        return out;
    }

    private static void streamOptions(JsonParser p, JsonToken t, Root r) throws IOException {
        r.streamOptionsObject = t == JsonToken.START_OBJECT;
        r.includeUsage = false;
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean match = p.currentName().equals("include_usage");
            JsonToken v = p.nextToken();
            if (match) {
                Boolean b = asBoolean(p, v);
                r.includeUsage = b != null && b;
            } else {
                p.skipChildren();
            }
        }
    }

    private static void conversation(JsonParser p, JsonToken t, Root r) throws IOException {
        r.conversation = null;
        r.conversationIdField = null;
        if (t == JsonToken.VALUE_STRING) {
            r.conversation = p.getText();
        } else if (t == JsonToken.START_OBJECT) {
            r.conversationIdField = field(p, "id");
        } else {
            p.skipChildren();
        }
    }

    /** {@code JsonNode.asBoolean(false)}: true, a non-zero integer, or the string "true". */
    private static Boolean asBoolean(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_NUMBER_INT -> p.getLongValue() != 0;
            case VALUE_STRING -> "true".equals(p.getText().trim());
            default -> skip(p, false);
        };
    }

    /** {@code intOrNull}: a number that fits an int (a float is truncated), else null. */
    private static Integer asInt(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (int) d : null;
        }
        return skip(p, null);
    }

    private static Double asDouble(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : skip(p, null);
    }

    /** Skips the current value (if a container) and returns {@code value}. */
    private static <T> T skip(JsonParser p, T value) throws IOException {
        p.skipChildren();
        return value;
    }
}
