package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schemas in docs/schema agree with what the writer emits: every emitted property is declared (at every
 * nesting level), every required property is emitted, and a minimal record emits exactly the required ones.
 */
class SchemaAgreementTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode schema(String name) throws Exception {
        for (Path dir : List.of(Path.of("..", "docs", "schema"), Path.of("docs", "schema"))) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return M.readTree(p.toFile());
            }
        }
        throw new AssertionError("schema " + name + " not found under docs/schema");
    }

    private static <T> JsonNode emitted(JsonCodec<T> codec, T value) throws Exception {
        return M.readTree(Json.write(codec, value));
    }

    @Test
    void interactionSchema_matchesWriter() throws Exception {
        JsonNode s = schema("interaction.schema.json");
        check(s, s, emitted(EventCodecs.INTERACTION, Fixtures.failedInteraction()), "interaction");
        JsonNode min = emitted(EventCodecs.INTERACTION, Fixtures.minimalInteraction());
        check(s, s, min, "interaction");
        assertThat(names(min)).isEqualTo(required(s));
        assertThat(names(min.get("usage"))).isEqualTo(required(s.at("/properties/usage")));
        JsonNode redacted = emitted(EventCodecs.INTERACTION, Fixtures.interaction(1)).get("messages").get(2);
        assertThat(names(redacted)).isEqualTo(required(s.at("/$defs/message")));
    }

    @Test
    void accountEventSchema_matchesWriter() throws Exception {
        JsonNode s = schema("account-event.schema.json");
        check(s, s, emitted(EventCodecs.ACCOUNT_EVENT, Fixtures.accountEvent()), "account");
        JsonNode min = emitted(EventCodecs.ACCOUNT_EVENT, Fixtures.minimalAccountEvent());
        check(s, s, min, "account");
        assertThat(names(min)).isEqualTo(required(s));
    }

    @Test
    void decisionSchema_matchesWriter() throws Exception {
        JsonNode s = schema("decision.schema.json");
        check(s, s, emitted(EventCodecs.DECISION, Fixtures.decision()), "decision");
        JsonNode min = emitted(EventCodecs.DECISION, Fixtures.minimalDecision());
        check(s, s, min, "decision");
        assertThat(names(min)).isEqualTo(required(s));
    }

    @Test
    void campaignSchema_matchesWriter() throws Exception {
        JsonNode s = schema("campaign.schema.json");
        check(s, s, emitted(EventCodecs.CAMPAIGN, Fixtures.campaign()), "campaign");
        check(s, s, emitted(EventCodecs.CAMPAIGN, Fixtures.mergedCampaign()), "campaign");
        JsonNode min = emitted(EventCodecs.CAMPAIGN, Fixtures.minimalCampaign());
        check(s, s, min, "campaign");
        assertThat(names(min)).isEqualTo(required(s));
    }

    @Test
    void everyDeclaredProperty_emittedByFullFixture() throws Exception {
        // The full fixtures set every optional field, so a schema property the writer never emits shows up here.
        assertThat(names(emitted(EventCodecs.INTERACTION, Fixtures.failedInteraction())))
                .isEqualTo(declared(schema("interaction.schema.json")));
        assertThat(names(emitted(EventCodecs.ACCOUNT_EVENT, Fixtures.accountEvent())))
                .isEqualTo(declared(schema("account-event.schema.json")));
        assertThat(names(emitted(EventCodecs.DECISION, Fixtures.decision())))
                .isEqualTo(declared(schema("decision.schema.json")));
        // A live campaign has every field but merged_into, which only a merged one carries.
        Set<String> campaign = new TreeSet<>(names(emitted(EventCodecs.CAMPAIGN, Fixtures.campaign())));
        campaign.addAll(names(emitted(EventCodecs.CAMPAIGN, Fixtures.mergedCampaign())));
        assertThat(campaign).isEqualTo(declared(schema("campaign.schema.json")));
    }

    /** Recursively: emitted keys are declared, required keys are present, arrays follow their items schema. */
    private static void check(JsonNode root, JsonNode schema, JsonNode value, String path) {
        schema = resolve(root, schema);
        if (value.isObject()) {
            JsonNode props = schema.get("properties");
            assertThat(props).as(path + " declares properties").isNotNull();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                assertThat(props.has(f)).as(path + "." + f + " is declared in the schema").isTrue();
                check(root, props.get(f), value.get(f), path + "." + f);
            }
            assertThat(names(value)).as(path + " emits every required property").containsAll(required(schema));
        } else if (value.isArray()) {
            JsonNode items = schema.get("items");
            assertThat(items).as(path + " declares items").isNotNull();
            for (JsonNode v : value) {
                check(root, items, v, path + "[]");
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asText().substring(1));
    }

    private static Set<String> names(JsonNode obj) {
        Set<String> s = new TreeSet<>();
        obj.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static Set<String> required(JsonNode schema) {
        List<String> r = new ArrayList<>();
        JsonNode req = schema.get("required");
        if (req != null) {
            req.forEach(n -> r.add(n.asText()));
        }
        return new TreeSet<>(r);
    }

    private static Set<String> declared(JsonNode schema) {
        return names(schema.get("properties"));
    }
}
