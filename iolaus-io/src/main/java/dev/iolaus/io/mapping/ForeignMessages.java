package dev.iolaus.io.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.io.json.InvalidRecordException;
import dev.iolaus.model.Message;
import dev.iolaus.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a foreign messages array: OpenAI chat ({@code role}, {@code content} as a string or a list of parts with
 * {@code text}) and Anthropic messages have the same shape here.
 */
final class ForeignMessages {
    private ForeignMessages() {
    }

    static List<Message> parse(JsonNode arr, String source) {
        if (!arr.isArray()) {
            throw new InvalidRecordException("source field '" + source + "' must be an array of messages");
        }
        List<Message> out = new ArrayList<>(arr.size());
        for (JsonNode m : arr) {
            if (!m.isObject()) {
                throw new InvalidRecordException("source field '" + source + "' must hold message objects");
            }
            JsonNode r = m.get("role");
            if (r == null || !r.isTextual()) {
                throw new InvalidRecordException("source field '" + source + "': message without a role");
            }
            Role role;
            try {
                role = Role.fromWire(r.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("source field '" + source + "': " + e.getMessage());
            }
            out.add(Message.of(role, content(m.get("content"))));
        }
        return out;
    }

    /** The text of a content value: a string, or the {@code text} of each part joined by newlines. */
    private static String content(JsonNode c) {
        if (c == null || c.isNull()) {
            return "";
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : c) {
                JsonNode t = part.isTextual() ? part : part.get("text");
                if (t != null && t.isTextual()) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(t.asText());
                }
            }
            return sb.toString();
        }
        return c.toString();
    }
}
