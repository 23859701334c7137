package dev.iolaus.server.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iolaus.server.report.AnalysisFixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StixExportTest {
    /** Required properties per object type, from the STIX 2.1 specification and its JSON schemas (common + type). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "bundle", List.of("type", "id", "objects"),
            "identity", List.of("type", "spec_version", "id", "created", "modified", "name"),
            "campaign", List.of("type", "spec_version", "id", "created", "modified", "name"),
            "indicator", List.of("type", "spec_version", "id", "created", "modified", "pattern", "pattern_type",
                    "valid_from"),
            "relationship", List.of("type", "spec_version", "id", "created", "modified", "relationship_type",
                    "source_ref", "target_ref"));
    private static final Pattern UUID_ID =
            Pattern.compile("^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$");

    private final ObjectNode bundle = StixExport.bundle(AnalysisFixtures.twoCampaigns());

    @Test
    void everyObject_hasTheRequiredPropertiesAndIdFormatOfItsType() {
        check(bundle);
        assertThat(bundle.has("spec_version")).as("2.1 bundles carry no spec_version").isFalse();
        Set<String> types = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            String type = o.get("type").asText();
            types.add(type);
            assertThat(REQUIRED).as("unexpected type " + type).containsKey(type);
            check(o);
            assertThat(o.get("spec_version").asText()).isEqualTo("2.1");
            assertThat(o.get("created").asText()).matches(TIMESTAMP);
            assertThat(o.get("modified").asText()).matches(TIMESTAMP);
            assertThat(o.get("modified").asText()).isGreaterThanOrEqualTo(o.get("created").asText());
        }
        assertThat(types).containsExactlyInAnyOrder("identity", "campaign", "indicator", "relationship");
    }

    private static void check(JsonNode o) {
        String type = o.get("type").asText();
        for (String p : REQUIRED.get(type)) {
            assertThat(o.hasNonNull(p)).as(type + " needs " + p).isTrue();
        }
        var m = UUID_ID.matcher(o.get("id").asText());
        assertThat(m.matches()).as("id " + o.get("id")).isTrue();
        assertThat(m.group(1)).isEqualTo(type);
        assertThat(UUID.fromString(o.get("id").asText().substring(type.length() + 2)).version()).isEqualTo(5);
    }

    @Test
    void indicators_useStixPatterns_andIndicateTheirCampaign() {
        Set<String> ids = new HashSet<>();
        bundle.get("objects").forEach(o -> ids.add(o.get("id").asText()));
        List<String> patterns = new java.util.ArrayList<>();
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asText().equals("indicator")) {
                assertThat(o.get("pattern_type").asText()).isEqualTo("stix");
                assertThat(o.get("valid_from").asText()).matches(TIMESTAMP);
                patterns.add(o.get("pattern").asText());
            }
            if (o.get("type").asText().equals("relationship")) {
                assertThat(o.get("relationship_type").asText()).isEqualTo("indicates");
                assertThat(ids).contains(o.get("source_ref").asText(), o.get("target_ref").asText());
                assertThat(o.get("source_ref").asText()).startsWith("indicator--");
                assertThat(o.get("target_ref").asText()).startsWith("campaign--");
            }
        }
        assertThat(patterns).contains("[ipv4-addr:value ISSUBSET '203.0.113.0/24']",
                "[ipv6-addr:value ISSUBSET '2001:db8:1::/48']",
                "[x-iolaus-payment-fingerprint:hash = 'fp\\'X']",
                "[x-iolaus-template-signature:value = '9f2c01']");
        assertThat(patterns).as("a prefix held by one member is not exported").noneMatch(p -> p.contains("192.0.2."));
    }

    @Test
    void campaign_carriesEventTimeWindowAndCounts() {
        JsonNode c = null;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asText().equals("campaign") && o.get("x_iolaus_campaign_id").asText().equals("c-templ")) {
                c = o;
            }
        }
        assertThat(c).isNotNull();
        assertThat(c.get("first_seen").asText()).isEqualTo("2026-02-01T00:00:00.000Z");
        assertThat(c.get("last_seen").asText()).isEqualTo("2026-02-01T06:30:00.000Z");
        assertThat(c.get("created").asText()).isEqualTo("2026-02-01T00:00:00.000Z");
        assertThat(c.get("x_iolaus_accounts").asInt()).isEqualTo(3);
        assertThat(c.get("x_iolaus_output_tokens").asLong()).isEqualTo(900_000);
    }

    @Test
    void sameAnalysis_givesTheSameBundle() {
        assertThat(StixExport.bundle(AnalysisFixtures.twoCampaigns())).isEqualTo(bundle);
    }

    @Test
    void uuid5_matchesTheRfcExample() {
        // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
        assertThat(Uuid5.of(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }
}
