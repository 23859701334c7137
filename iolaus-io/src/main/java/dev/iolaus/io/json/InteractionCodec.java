package dev.iolaus.io.json;

import static dev.iolaus.io.json.Fields.missing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** JSON codec of {@link Interaction}; field list and rules in {@code docs/events.md}. */
final class InteractionCodec implements JsonCodec<Interaction> {

    @Override
    public String typeName() {
        return "interaction";
    }

    private static final SerializedString TEXT = new SerializedString("text");

    @Override
    public void write(JsonGenerator g, Interaction v) throws IOException {
        g.writeStartObject();
        g.writeStringField("event_id", v.eventId());
        g.writeStringField("time", Rfc3339.format(v.time()));
        g.writeStringField("account_id", v.accountId());
        optional(g, "api_key_id", v.apiKeyId());
        optional(g, "org_id", v.orgId());
        optional(g, "client_ip", v.clientIp());
        optional(g, "user_agent", v.userAgent());
        ClientFingerprint c = v.client();
        if (c.headerOrderHash() != null || c.ja4() != null) {
            g.writeObjectFieldStart("client");
            optional(g, "header_order_hash", c.headerOrderHash());
            optional(g, "ja4", c.ja4());
            g.writeEndObject();
        }
        g.writeStringField("flavour", v.flavour().wire());
        optional(g, "model", v.model());
        writeParams(g, v.params());
        g.writeArrayFieldStart("messages");
        for (Message m : v.messages()) {
            g.writeStartObject();
            g.writeStringField("role", m.role().wire());
            if (m.text() != null) {
                // as UTF-8 bytes: String.getBytes is an intrinsic, and Jackson then escapes bytes instead of
                // widening every character first (message text is most of an event's bytes)
                g.writeFieldName(TEXT);
                byte[] utf8 = m.text().getBytes(StandardCharsets.UTF_8);
                g.writeUTF8String(utf8, 0, utf8.length);
            }
            g.writeStringField("text_hash", m.textHash());
            g.writeNumberField("length", m.length());
            g.writeEndObject();
        }
        g.writeEndArray();
        optional(g, "conversation_id", v.conversationId());
        optional(g, "end_user", v.endUserId());
        Usage u = v.usage();
        g.writeObjectFieldStart("usage");
        g.writeNumberField("input_tokens", u.inputTokens());
        g.writeNumberField("output_tokens", u.outputTokens());
        if (u.reasoningTokens() != 0) {
            g.writeNumberField("reasoning_tokens", u.reasoningTokens());
        }
        g.writeEndObject();
        g.writeNumberField("latency_ms", v.latencyMs());
        g.writeNumberField("status", v.status());
        optional(g, "error_type", v.errorType());
        g.writeEndObject();
    }

    private static void writeParams(JsonGenerator g, RequestParams p) throws IOException {
        if (p.temperature() == null && p.topP() == null && p.maxTokens() == null && p.n() == null
                && p.stream() == null && p.toolNames().isEmpty() && p.responseFormat() == null) {
            return;
        }
        g.writeObjectFieldStart("params");
        if (p.temperature() != null) {
            g.writeNumberField("temperature", p.temperature());
        }
        if (p.topP() != null) {
            g.writeNumberField("top_p", p.topP());
        }
        if (p.maxTokens() != null) {
            g.writeNumberField("max_tokens", p.maxTokens());
        }
        if (p.n() != null) {
            g.writeNumberField("n", p.n());
        }
        if (p.stream() != null) {
            g.writeBooleanField("stream", p.stream());
        }
        if (!p.toolNames().isEmpty()) {
            g.writeArrayFieldStart("tool_names");
            for (String s : p.toolNames()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        optional(g, "response_format", p.responseFormat());
        g.writeEndObject();
    }

    static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    @Override
    public Interaction read(JsonParser p) throws IOException {
        String eventId = null;
        Instant time = null;
        String accountId = null;
        String apiKeyId = null;
        String orgId = null;
        String clientIp = null;
        String userAgent = null;
        ClientFingerprint client = null;
        ApiFlavour flavour = null;
        String model = null;
        RequestParams params = null;
        List<Message> messages = null;
        String conversationId = null;
        String endUser = null;
        Usage usage = null;
        long latencyMs = -1;
        int status = -1;
        String errorType = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "event_id" -> eventId = Fields.string(p, f);
                case "time" -> time = Fields.time(p, f);
                case "account_id" -> accountId = Fields.string(p, f);
                case "api_key_id" -> apiKeyId = Fields.string(p, f);
                case "org_id" -> orgId = Fields.string(p, f);
                case "client_ip" -> clientIp = Fields.string(p, f);
                case "user_agent" -> userAgent = Fields.string(p, f);
                case "client" -> client = readClient(p);
                case "flavour" -> flavour = Fields.wire(Fields.string(p, f), f, ApiFlavour::fromWire);
                case "model" -> model = Fields.string(p, f);
                case "params" -> params = readParams(p);
                case "messages" -> messages = readMessages(p);
                case "conversation_id" -> conversationId = Fields.string(p, f);
                case "end_user" -> endUser = Fields.string(p, f);
                case "usage" -> usage = readUsage(p);
                case "latency_ms" -> latencyMs = Fields.longValue(p, f, 0);
                case "status" -> status = Fields.intValue(p, f, 0);
                case "error_type" -> errorType = Fields.string(p, f);
                default -> throw Fields.unknown(f);
            }
        }
        if (eventId == null) {
            throw missing("event_id");
        }
        if (time == null) {
            throw missing("time");
        }
        if (accountId == null) {
            throw missing("account_id");
        }
        if (flavour == null) {
            throw missing("flavour");
        }
        if (messages == null) {
            throw missing("messages");
        }
        if (usage == null) {
            throw missing("usage");
        }
        if (latencyMs < 0) {
            throw missing("latency_ms");
        }
        if (status < 0) {
            throw missing("status");
        }
        if (status < 100 || status > 599) {
            throw new InvalidRecordException("field 'status' must be an HTTP status in [100, 599], was " + status);
        }
        return new Interaction(eventId, time, accountId, apiKeyId, orgId, clientIp, userAgent, client, flavour, model,
                params, messages, conversationId, usage, latencyMs, status, errorType, endUser);
    }

    private static ClientFingerprint readClient(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.requireObject(p, "client");
        String hoh = null;
        String ja4 = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "header_order_hash" -> hoh = Fields.string(p, "client.header_order_hash");
                case "ja4" -> ja4 = Fields.string(p, "client.ja4");
                default -> throw Fields.unknown("client." + f);
            }
        }
        return hoh == null && ja4 == null ? ClientFingerprint.UNKNOWN : new ClientFingerprint(hoh, ja4);
    }

    private static RequestParams readParams(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        Fields.requireObject(p, "params");
        Double temperature = null;
        Double topP = null;
        Integer maxTokens = null;
        Integer n = null;
        Boolean stream = null;
        List<String> tools = null;
        String responseFormat = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "temperature" -> temperature = Fields.optionalDouble(p, "params.temperature");
                case "top_p" -> topP = Fields.optionalDouble(p, "params.top_p");
                case "max_tokens" -> maxTokens = Fields.optionalInt(p, "params.max_tokens", 0);
                case "n" -> n = Fields.optionalInt(p, "params.n", 0);
                case "stream" -> stream = Fields.optionalBoolean(p, "params.stream");
                case "tool_names" -> tools = Fields.strings(p, "params.tool_names");
                case "response_format" -> responseFormat = Fields.string(p, "params.response_format");
                default -> throw Fields.unknown("params." + f);
            }
        }
        return new RequestParams(temperature, topP, maxTokens, n, stream, tools, responseFormat);
    }

    private static List<Message> readMessages(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_ARRAY) {
            throw Fields.wrongType("messages", "an array", t);
        }
        List<Message> out = new ArrayList<>(4);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw Fields.wrongType("messages[]", "an object", t);
            }
            out.add(readMessage(p));
        }
        return out;
    }

    private static Message readMessage(JsonParser p) throws IOException {
        Role role = null;
        String text = null;
        String hash = null;
        int length = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "role" -> role = Fields.wire(Fields.string(p, "messages[].role"), "messages[].role", Role::fromWire);
                case "text" -> text = Fields.string(p, "messages[].text");
                case "text_hash" -> hash = Fields.string(p, "messages[].text_hash");
                case "length" -> length = Fields.intValue(p, "messages[].length", 0);
                default -> throw Fields.unknown("messages[]." + f);
            }
        }
        if (role == null) {
            throw missing("messages[].role");
        }
        if (hash == null) {
            throw missing("messages[].text_hash");
        }
        if (length < 0) {
            throw missing("messages[].length");
        }
        return new Message(role, text, hash, length);
    }

    private static Usage readUsage(JsonParser p) throws IOException {
        Fields.requireObject(p, "usage");
        int in = -1;
        int out = -1;
        int reasoning = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "input_tokens" -> in = Fields.intValue(p, "usage.input_tokens", 0);
                case "output_tokens" -> out = Fields.intValue(p, "usage.output_tokens", 0);
                case "reasoning_tokens" -> reasoning = Fields.intValue(p, "usage.reasoning_tokens", 0);
                default -> throw Fields.unknown("usage." + f);
            }
        }
        if (in < 0) {
            throw missing("usage.input_tokens");
        }
        if (out < 0) {
            throw missing("usage.output_tokens");
        }
        return new Usage(in, out, reasoning);
    }
}
