package dev.iolaus.io.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolaus.io.json.InvalidRecordException;
import dev.iolaus.io.json.LineDecoder;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a foreign JSONL log (one request per line, any field names) to {@link Interaction}s without code changes.
 *
 * <p>A spec is a comma-separated list of {@code target=source}: {@code account=user.id,prompt=input,time=ts}.
 * Targets are listed in {@link Target}; sources are field names or dotted paths into nested objects. A line whose
 * mapped account or time is missing, or whose value cannot be read as its target's type, is rejected (and so
 * quarantined by {@link dev.iolaus.io.json.JsonlReader}). Immutable and thread-safe.
 */
public final class FieldMapping {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Target, String> sources;
    private final String labelField;

    private FieldMapping(Map<Target, String> sources, String labelField) {
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        this.labelField = labelField;
    }

    /**
     * Parses a spec such as {@code account=account_id,prompt=prompt,time=timestamp}.
     *
     * @throws IllegalArgumentException naming the bad entry (unknown target, missing {@code =}, empty source,
     *                                  duplicate target, or no mapping for account or time)
     */
    public static FieldMapping parse(String spec) {
        Map<Target, String> m = new EnumMap<>(Target.class);
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("mapping entry '" + entry.trim() + "' must be target=source");
            }
            Target t = Target.fromKey(entry.substring(0, eq));
            String src = entry.substring(eq + 1).trim();
            if (src.isEmpty()) {
                throw new IllegalArgumentException("mapping entry '" + entry.trim() + "' has no source field");
            }
            if (m.put(t, src) != null) {
                throw new IllegalArgumentException("mapping target '" + t.key() + "' is given twice");
            }
        }
        for (Target required : List.of(Target.ACCOUNT, Target.TIME)) {
            if (!m.containsKey(required)) {
                throw new IllegalArgumentException("mapping must give a source for '" + required.key() + "'");
            }
        }
        return new FieldMapping(m, null);
    }

    /** A copy that also reads the raw value of {@code field} (a name or dotted path) as each line's label. */
    public FieldMapping withLabelField(String field) {
        return new FieldMapping(sources, field == null || field.isBlank() ? null : field.trim());
    }

    /** The source path mapped to a target, or null. */
    public String source(Target t) {
        return sources.get(t);
    }

    /** The label field, or null. */
    public String labelField() {
        return labelField;
    }

    /** A decoder of interactions; {@code sourceName} (usually the file name) seeds synthesised event ids. */
    public LineDecoder<Interaction> interactions(String sourceName) {
        LineDecoder<MappedInteraction> d = labelled(sourceName);
        return (p, line) -> d.decode(p, line).interaction();
    }

    /** A decoder of interactions with their label field value. */
    public LineDecoder<MappedInteraction> labelled(String sourceName) {
        String idPrefix = Hashes.textHash(sourceName).substring(0, 8) + "-";
        return (p, line) -> {
            JsonNode root = MAPPER.readTree(p);
            Interaction i = map(root, idPrefix, line);
            String label = labelField == null ? null : ForeignValues.text(ForeignValues.at(root, labelField), labelField);
            return new MappedInteraction(i, label);
        };
    }

    /** Maps one parsed line. */
    Interaction map(JsonNode root, String idPrefix, long line) {
        String account = text(root, Target.ACCOUNT);
        if (account == null || account.isEmpty()) {
            throw missing(Target.ACCOUNT);
        }
        Instant time = ForeignValues.time(node(root, Target.TIME), sources.get(Target.TIME));
        if (time == null) {
            throw missing(Target.TIME);
        }
        String eventId = text(root, Target.EVENT_ID);
        if (eventId == null) {
            eventId = idPrefix + line;
        }
        String flavourText = text(root, Target.FLAVOUR);
        ApiFlavour flavour = ApiFlavour.OPENAI_CHAT;
        if (flavourText != null) {
            try {
                flavour = ApiFlavour.fromWire(flavourText);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("source field '" + sources.get(Target.FLAVOUR) + "': " + e.getMessage());
            }
        }
        Long maxTokens = count(root, Target.MAX_TOKENS);
        RequestParams params = new RequestParams(number(root, Target.TEMPERATURE), number(root, Target.TOP_P),
                maxTokens == null ? null : toInt(maxTokens, Target.MAX_TOKENS), null, null, null, null);
        Long in = count(root, Target.INPUT_TOKENS);
        Long out = count(root, Target.OUTPUT_TOKENS);
        Usage usage = new Usage(in == null ? 0 : toInt(in, Target.INPUT_TOKENS),
                out == null ? 0 : toInt(out, Target.OUTPUT_TOKENS), 0);
        Long status = count(root, Target.STATUS);
        if (status != null && (status < 100 || status > 599)) {
            throw new InvalidRecordException("source field '" + sources.get(Target.STATUS)
                    + "' must be an HTTP status in [100, 599], was " + status);
        }
        Long latency = count(root, Target.LATENCY);
        return new Interaction(eventId, time, account, text(root, Target.KEY), text(root, Target.ORG),
                text(root, Target.IP), text(root, Target.UA), null, flavour, text(root, Target.MODEL), params,
                messages(root), text(root, Target.CONVERSATION), usage, latency == null ? 0 : latency,
                status == null ? 200 : status.intValue(), null, text(root, Target.END_USER));
    }

    private List<Message> messages(JsonNode root) {
        List<Message> out = new ArrayList<>(3);
        String system = text(root, Target.SYSTEM);
        if (system != null) {
            out.add(Message.of(Role.SYSTEM, system));
        }
        JsonNode arr = node(root, Target.MESSAGES);
        if (arr != null) {
            out.addAll(ForeignMessages.parse(arr, sources.get(Target.MESSAGES)));
        }
        String prompt = text(root, Target.PROMPT);
        if (prompt != null) {
            out.add(Message.of(Role.USER, prompt));
        }
        String response = text(root, Target.RESPONSE);
        if (response != null) {
            out.add(Message.of(Role.ASSISTANT, response));
        }
        return out;
    }

    private JsonNode node(JsonNode root, Target t) {
        String src = sources.get(t);
        return src == null ? null : ForeignValues.at(root, src);
    }

    private String text(JsonNode root, Target t) {
        return ForeignValues.text(node(root, t), sources.get(t));
    }

    private Long count(JsonNode root, Target t) {
        return ForeignValues.count(node(root, t), sources.get(t));
    }

    private Double number(JsonNode root, Target t) {
        return ForeignValues.number(node(root, t), sources.get(t));
    }

    private int toInt(long v, Target t) {
        if (v > Integer.MAX_VALUE) {
            throw new InvalidRecordException("source field '" + sources.get(t) + "' is too large: " + v);
        }
        return (int) v;
    }

    private InvalidRecordException missing(Target t) {
        return new InvalidRecordException("missing required field '" + sources.get(t) + "' (mapped to " + t.key() + ")");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sources.forEach((t, s) -> sb.append(sb.isEmpty() ? "" : ",").append(t.key()).append('=').append(s));
        return sb.toString();
    }
}
