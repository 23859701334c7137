package dev.iolaus.io.json;

import static dev.iolaus.io.json.Fields.missing;
import static dev.iolaus.io.json.InteractionCodec.optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON codec of {@link Campaign}; field list and rules in {@code docs/events.md}.
 *
 * <p>Accounts are written sorted: the record holds a {@link Set} whose iteration order changes from run to run, and
 * the same campaign must give the same bytes.
 */
final class CampaignCodec implements JsonCodec<Campaign> {

    @Override
    public String typeName() {
        return "campaign";
    }

    @Override
    public void write(JsonGenerator g, Campaign v) throws IOException {
        if (v.id() == null) {
            throw new IllegalArgumentException("campaign without id");
        }
        g.writeStartObject();
        g.writeStringField("id", v.id());
        optional(g, "detector", v.detector());
        g.writeArrayFieldStart("accounts");
        for (String a : v.accounts().stream().sorted().toList()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeNumberField("score", v.score());
        if (v.firstSeen() != null) {
            g.writeStringField("first_seen", Rfc3339.format(v.firstSeen()));
        }
        if (v.lastSeen() != null) {
            g.writeStringField("last_seen", Rfc3339.format(v.lastSeen()));
        }
        g.writeNumberField("interactions", v.interactions());
        g.writeNumberField("output_tokens", v.outputTokens());
        if (!v.capabilities().isEmpty()) {
            g.writeArrayFieldStart("capabilities");
            for (String s : v.capabilities()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!v.evidence().isEmpty()) {
            g.writeArrayFieldStart("evidence");
            for (Evidence e : v.evidence()) {
                g.writeStartObject();
                g.writeStringField("kind", e.kind());
                g.writeStringField("text", e.text());
                g.writeNumberField("weight", e.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        optional(g, "merged_into", v.mergedInto());
        g.writeEndObject();
    }

    @Override
    public Campaign read(JsonParser p) throws IOException {
        String id = null;
        String detector = null;
        List<String> accounts = null;
        double score = Double.NaN;
        Instant first = null;
        Instant last = null;
        long interactions = -1;
        long outputTokens = -1;
        List<String> capabilities = null;
        List<Evidence> evidence = null;
        String mergedInto = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "id" -> id = Fields.string(p, f);
                case "detector" -> detector = Fields.string(p, f);
                case "accounts" -> accounts = p.currentToken() == JsonToken.VALUE_NULL ? null : Fields.strings(p, f);
                case "score" -> score = Fields.unitScore(p, f);
                case "first_seen" -> first = Fields.time(p, f);
                case "last_seen" -> last = Fields.time(p, f);
                case "interactions" -> interactions = Fields.longValue(p, f, 0);
                case "output_tokens" -> outputTokens = Fields.longValue(p, f, 0);
                case "capabilities" -> capabilities = Fields.strings(p, f);
                case "evidence" -> evidence = readEvidence(p);
                case "merged_into" -> mergedInto = Fields.string(p, f);
                default -> throw Fields.unknown(f);
            }
        }
        if (id == null) {
            throw missing("id");
        }
        if (accounts == null) {
            throw missing("accounts");
        }
        if (Double.isNaN(score)) {
            throw missing("score");
        }
        if (interactions < 0) {
            throw missing("interactions");
        }
        if (outputTokens < 0) {
            throw missing("output_tokens");
        }
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidRecordException("field 'last_seen' is before 'first_seen'");
        }
        if (mergedInto != null && !accounts.isEmpty()) {
            throw new InvalidRecordException("field 'accounts' must be empty in a campaign merged into another");
        }
        return new Campaign(id, detector, new LinkedHashSet<>(accounts), score, first, last, interactions,
                outputTokens, capabilities, evidence, mergedInto);
    }

    private static List<Evidence> readEvidence(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw Fields.wrongType("evidence", "an array", t);
        }
        List<Evidence> out = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw Fields.wrongType("evidence[]", "an object", t);
            }
            String kind = null;
            String text = null;
            double weight = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "kind" -> kind = Fields.string(p, "evidence[].kind");
                    case "text" -> text = Fields.string(p, "evidence[].text");
                    case "weight" -> weight = Fields.unitScore(p, "evidence[].weight");
                    default -> throw Fields.unknown("evidence[]." + f);
                }
            }
            if (kind == null) {
                throw missing("evidence[].kind");
            }
            if (text == null) {
                throw missing("evidence[].text");
            }
            if (Double.isNaN(weight)) {
                throw missing("evidence[].weight");
            }
            out.add(new Evidence(kind, text, weight));
        }
        return out;
    }
}
