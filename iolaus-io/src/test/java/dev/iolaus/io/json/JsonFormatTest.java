package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire form: snake_case names in a fixed order, RFC 3339 millisecond UTC times, nulls omitted, same bytes. */
class JsonFormatTest {
    @TempDir
    Path dir;

    @Test
    void interaction_written_hasSnakeCaseFieldsInFixedOrder() {
        String json = Json.write(EventCodecs.INTERACTION, Fixtures.interaction(1));
        assertThat(json).startsWith("{\"event_id\":\"ev-1\",\"time\":\"2026-04-01T12:00:01.123Z\",\"account_id\":\"acct-1\","
                + "\"api_key_id\":\"key-1\",\"org_id\":\"org-1\",\"client_ip\":\"203.0.113.1\"");
        assertThat(json).contains("\"client\":{\"header_order_hash\":\"hoh-1\",\"ja4\":")
                .contains("\"flavour\":\"openai.chat\",\"model\":\"gpt-x\",\"params\":{\"temperature\":0.7,\"top_p\":0.95,"
                        + "\"max_tokens\":512,\"n\":1,\"stream\":true,\"tool_names\":[\"search\",\"calc\"],"
                        + "\"response_format\":\"json_object\"}")
                .contains("{\"role\":\"assistant\",\"text_hash\":\"0123456789abcdef\",\"length\":42}")
                .endsWith("\"usage\":{\"input_tokens\":120,\"output_tokens\":350,\"reasoning_tokens\":17},"
                        + "\"latency_ms\":812,\"status\":200}");
    }

    @Test
    void minimalInteraction_written_omitsNullsAndDefaults() {
        assertThat(Json.write(EventCodecs.INTERACTION, Fixtures.minimalInteraction())).isEqualTo(
                "{\"event_id\":\"ev-min\",\"time\":\"2026-04-01T12:00:00.123Z\",\"account_id\":\"acct-1\","
                        + "\"flavour\":\"anthropic.messages\",\"messages\":[],\"usage\":{\"input_tokens\":0,"
                        + "\"output_tokens\":0},\"latency_ms\":0,\"status\":429}");
    }

    @Test
    void campaign_written_sortsAccounts() {
        assertThat(Json.write(EventCodecs.CAMPAIGN, Fixtures.campaign()))
                .contains("\"accounts\":[\"acct-1\",\"acct-2\",\"acct-3\"]");
    }

    @Test
    void sameRecords_writtenTwice_sameBytes() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (String name : List.of("a.jsonl.gz", "b.jsonl.gz")) {
            Path p = dir.resolve(name);
            try (JsonlWriter<dev.iolaus.model.Interaction> w = JsonlWriter.open(p, EventCodecs.INTERACTION)) {
                for (int i = 0; i < 200; i++) {
                    w.write(Fixtures.interaction(i));
                }
            }
            files.add(Files.readAllBytes(p));
        }
        assertThat(files.get(0)).isEqualTo(files.get(1));
    }
}
