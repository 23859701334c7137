package dev.iolaus.io.json;

import static dev.iolaus.io.json.Fields.missing;
import static dev.iolaus.io.json.InteractionCodec.optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.io.IOException;
import java.time.Instant;

/** JSON codec of {@link Decision}; field list and rules in {@code docs/events.md}. */
final class DecisionCodec implements JsonCodec<Decision> {

    @Override
    public String typeName() {
        return "decision";
    }

    @Override
    public void write(JsonGenerator g, Decision v) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", v.id());
        g.writeStringField("scope", v.scope().wire());
        g.writeStringField("value", v.value());
        g.writeStringField("action", v.action().wire());
        optional(g, "reason", v.reason());
        optional(g, "evidence_ref", v.evidenceRef());
        optional(g, "detector", v.detector());
        g.writeNumberField("score", v.score());
        g.writeStringField("created_at", Rfc3339.format(v.createdAt()));
        if (v.expiresAt() != null) {
            g.writeStringField("expires_at", Rfc3339.format(v.expiresAt()));
        }
        g.writeBooleanField("shadow", v.shadow());
        g.writeEndObject();
    }

    @Override
    public Decision read(JsonParser p) throws IOException {
        String id = null;
        Scope scope = null;
        String value = null;
        Action action = null;
        String reason = null;
        String evidenceRef = null;
        String detector = null;
        double score = Double.NaN;
        Instant created = null;
        Instant expires = null;
        Boolean shadow = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> id = Fields.string(p, f);
                case "scope" -> scope = Fields.wire(Fields.string(p, f), f, Scope::fromWire);
                case "value" -> value = Fields.string(p, f);
                case "action" -> action = Fields.wire(Fields.string(p, f), f, Action::fromWire);
                case "reason" -> reason = Fields.string(p, f);
                case "evidence_ref" -> evidenceRef = Fields.string(p, f);
                case "detector" -> detector = Fields.string(p, f);
                case "score" -> score = Fields.unitScore(p, f);
                case "created_at" -> created = Fields.time(p, f);
                case "expires_at" -> expires = Fields.time(p, f);
                case "shadow" -> shadow = Fields.optionalBoolean(p, f);
                default -> throw Fields.unknown(f);
            }
        }
        if (id == null) {
            throw missing("id");
        }
        if (scope == null) {
            throw missing("scope");
        }
        if (value == null) {
            throw missing("value");
        }
        if (action == null) {
            throw missing("action");
        }
        if (Double.isNaN(score)) {
            throw missing("score");
        }
        if (created == null) {
            throw missing("created_at");
        }
        if (shadow == null) {
            throw missing("shadow");
        }
        if (expires != null && expires.isBefore(created)) {
            throw new InvalidRecordException("field 'expires_at' is before 'created_at'");
        }
        return new Decision(id, scope, value, action, reason, evidenceRef, detector, score, created, expires, shadow);
    }
}
