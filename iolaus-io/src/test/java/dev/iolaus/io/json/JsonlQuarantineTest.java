package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of invalid line is quarantined with its line number and reason, and the valid lines around it kept. */
class JsonlQuarantineTest {
    @TempDir
    Path dir;

    private static final String VALID = Json.write(EventCodecs.INTERACTION, Fixtures.interaction(1));

    static Stream<Arguments> invalidInteractions() {
        return Stream.of(
                Arguments.of("not JSON", "{\"event_id\": oops}", "not JSON"),
                Arguments.of("cut line", VALID.substring(0, 80), "not JSON: unexpected end"),
                Arguments.of("array", "[1,2,3]", "not a JSON object"),
                Arguments.of("string", "\"hello\"", "not a JSON object"),
                Arguments.of("missing account", VALID.replace("\"account_id\":\"acct-1\",", ""),
                        "missing required field 'account_id'"),
                Arguments.of("null required", VALID.replace("\"account_id\":\"acct-1\"", "\"account_id\":null"),
                        "missing required field 'account_id'"),
                Arguments.of("wrong type", VALID.replace("\"status\":200", "\"status\":\"200\""),
                        "field 'status' must be a whole number, was a string"),
                Arguments.of("bad time", VALID.replace("2026-04-01T12:00:01.123Z", "yesterday"),
                        "field 'time': not an RFC 3339 time with zone: 'yesterday'"),
                Arguments.of("unknown flavour", VALID.replace("openai.chat", "openai.chatty"),
                        "field 'flavour': unknown api flavour 'openai.chatty'"),
                Arguments.of("unknown role", VALID.replace("\"role\":\"user\"", "\"role\":\"robot\""),
                        "field 'messages[].role': unknown role 'robot'"),
                Arguments.of("negative tokens", VALID.replace("\"input_tokens\":120", "\"input_tokens\":-5"),
                        "field 'usage.input_tokens' must be >= 0, was -5"),
                Arguments.of("unknown field", VALID.replace("{\"event_id\"", "{\"colour\":\"red\",\"event_id\""),
                        "unknown field 'colour'"),
                Arguments.of("trailing", VALID + " {}", "trailing content after the JSON object"),
                Arguments.of("status range", VALID.replace("\"status\":200", "\"status\":42"),
                        "field 'status' must be an HTTP status in [100, 599], was 42"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInteractions")
    void invalidLine_read_quarantinedWithLineAndReasonOthersKept(String kind, String bad, String reason) {
        String text = VALID + "\n" + bad + "\n" + VALID.replace("ev-1", "ev-3") + "\n";
        Quarantine.Collecting q = Quarantine.collecting();
        List<Interaction> got = new ArrayList<>();
        try (JsonlReader<Interaction> r = reader(text, EventCodecs.INTERACTION, q)) {
            r.forEach(got::add);
            assertThat(r.stats()).isEqualTo(new ReadStats(3, 2, 1));
        }
        assertThat(got).extracting(Interaction::eventId).containsExactly("ev-1", "ev-3");
        assertThat(q.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.line()).isEqualTo(2);
            assertThat(rej.reason()).startsWith(reason);
            assertThat(rej.raw()).isEqualTo(bad);
            assertThat(rej.source()).isEqualTo("test.jsonl");
        });
    }

    @Test
    void scoreOutsideUnitInterval_read_quarantined() {
        String ok = Json.write(EventCodecs.DECISION, Fixtures.decision());
        String bad = ok.replace("\"score\":0.875", "\"score\":1.5");
        Quarantine.Collecting q = Quarantine.collecting();
        try (JsonlReader<Decision> r = reader(ok + "\n" + bad + "\n", EventCodecs.DECISION, q)) {
            assertThat(r.next()).isEqualTo(Fixtures.decision());
            assertThat(r.next()).isNull();
        }
        assertThat(q.rejections()).singleElement()
                .satisfies(rej -> assertThat(rej.reason()).isEqualTo("field 'score' must be in [0, 1], was 1.5"));
    }

    @Test
    void overlongLine_read_quarantinedWithHeadAndNextLinesKept() {
        String longLine = "{\"event_id\":\"" + "x".repeat(50_000) + "\"}";
        String text = VALID + "\n" + longLine + "\n" + VALID + "\n" + longLine;
        Quarantine.Collecting q = Quarantine.collecting();
        try (JsonlReader<Interaction> r = JsonlReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "big.jsonl", EventCodecs.INTERACTION, q, 8192)) {
            r.forEach(i -> { });
            assertThat(r.stats()).isEqualTo(new ReadStats(4, 2, 2));
        }
        assertThat(q.rejections()).extracting(Quarantine.Rejection::line).containsExactly(2L, 4L);
        assertThat(q.rejections()).allSatisfy(rej -> {
            assertThat(rej.reason()).startsWith("line longer than 8192 bytes");
            assertThat(rej.raw()).hasSize(1024).startsWith("{\"event_id\":\"xxx");
        });
    }

    @Test
    void blankAndCrlfLines_read_blanksSkippedCrlfAccepted() {
        String text = "\n" + VALID + "\r\n   \n" + VALID + "\r\n";
        try (JsonlReader<Interaction> r = reader(text, EventCodecs.INTERACTION, Quarantine.collecting())) {
            r.forEach(i -> { });
            assertThat(r.stats()).isEqualTo(new ReadStats(2, 2, 0));
            assertThat(r.lineNumber()).isEqualTo(4);
        }
    }

    @Test
    void quarantineFile_written_holdsSourceLineReasonAndRaw() throws Exception {
        Path data = dir.resolve("in.jsonl");
        Files.writeString(data, VALID + "\nnot json at all\n");
        Path qf = dir.resolve("q/quarantine.jsonl");
        try (Quarantine q = Quarantine.toFile(qf)) {
            JsonlReader.readAll(data, EventCodecs.INTERACTION, q);
        }
        List<String> lines = Files.readAllLines(qf);
        assertThat(lines).hasSize(1);
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        assertThat(n.get("source").asText()).isEqualTo("in.jsonl");
        assertThat(n.get("line").asLong()).isEqualTo(2);
        assertThat(n.get("reason").asText()).startsWith("not JSON");
        assertThat(n.get("raw").asText()).isEqualTo("not json at all");
    }

    private static <T> JsonlReader<T> reader(String text, LineDecoder<T> d, Quarantine q) {
        return JsonlReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.jsonl", d, q);
    }
}
