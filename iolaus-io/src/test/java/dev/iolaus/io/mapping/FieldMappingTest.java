package dev.iolaus.io.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A foreign JSONL log maps to interactions by spec alone; unmappable lines are quarantined. */
class FieldMappingTest {
    @TempDir
    Path dir;

    private static final String SPEC = "account=account_id,prompt=prompt,system=system_prompt,ip=client_ip,"
            + "time=timestamp,ua=user_agent,model=model,max_tokens=max_tokens,output_tokens=usage.completion,"
            + "end_user=metadata.user_id";

    private Path foreignLog(String... lines) throws Exception {
        Path p = dir.resolve("gateway-export.jsonl");
        Files.write(p, List.of(lines));
        return p;
    }

    @Test
    void foreignLog_mapped_fillsInteractionFields() throws Exception {
        Path log = foreignLog(
                "{\"account_id\":\"u-17\",\"prompt\":\"Explain monads\",\"system_prompt\":\"Be terse.\","
                        + "\"client_ip\":\"198.51.100.4\",\"timestamp\":\"2026-04-01T12:00:00.250Z\","
                        + "\"user_agent\":\"curl/8.5\",\"model\":\"m-large\",\"max_tokens\":256,"
                        + "\"usage\":{\"completion\":99},\"campaign_label\":\"c-7\",\"metadata\":{\"user_id\":\"eu-3\"}}",
                "{\"account_id\":42,\"prompt\":\"hi\",\"timestamp\":1775044800,\"extra\":[1,2]}");
        FieldMapping m = FieldMapping.parse(SPEC).withLabelField("campaign_label");
        List<MappedInteraction> got = new ArrayList<>();
        try (JsonlReader<MappedInteraction> r = JsonlReader.open(log, m.labelled("gateway-export.jsonl"))) {
            r.forEach(got::add);
            assertThat(r.stats()).isEqualTo(new ReadStats(2, 2, 0));
        }
        Interaction a = got.get(0).interaction();
        assertThat(a.accountId()).isEqualTo("u-17");
        assertThat(a.time()).isEqualTo(Instant.parse("2026-04-01T12:00:00.250Z"));
        assertThat(a.clientIp()).isEqualTo("198.51.100.4");
        assertThat(a.userAgent()).isEqualTo("curl/8.5");
        assertThat(a.model()).isEqualTo("m-large");
        assertThat(a.params().maxTokens()).isEqualTo(256);
        assertThat(a.usage().outputTokens()).isEqualTo(99);
        assertThat(a.flavour()).isEqualTo(ApiFlavour.OPENAI_CHAT);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.systemMessage().text()).isEqualTo("Be terse.");
        assertThat(a.lastUserMessage().text()).isEqualTo("Explain monads");
        assertThat(got.get(0).label()).isEqualTo("c-7");
        assertThat(a.endUserId()).isEqualTo("eu-3");
        assertThat(a.principal()).isEqualTo("u-17~eu-3");
        assertThat(got.get(1).interaction().principal()).isEqualTo("42");

        Interaction b = got.get(1).interaction();
        assertThat(b.accountId()).isEqualTo("42");
        assertThat(b.time()).isEqualTo(Instant.ofEpochSecond(1775044800L));
        assertThat(got.get(1).label()).isNull();
        // Synthesised ids: stable per file name and line, distinct across lines.
        assertThat(a.eventId()).endsWith("-1").isNotEqualTo(b.eventId());
        assertThat(b.eventId()).endsWith("-2");
    }

    @Test
    void epochTimes_mapped_unitDetectedByMagnitude() throws Exception {
        Instant t = Instant.parse("2026-04-01T12:00:00.123Z");
        Path log = foreignLog(
                "{\"a\":\"x\",\"t\":" + t.toEpochMilli() / 1000.0 + "}",
                "{\"a\":\"x\",\"t\":" + t.toEpochMilli() + "}",
                "{\"a\":\"x\",\"t\":\"" + t.toEpochMilli() * 1000 + "\"}",
                "{\"a\":\"x\",\"t\":" + t.toEpochMilli() * 1_000_000 + "}",
                "{\"a\":\"x\",\"t\":\"2026-04-01 12:00:00.123Z\"}");
        List<Interaction> got = JsonlReader.readAll(log, FieldMapping.parse("account=a,time=t").interactions("f"),
                Quarantine.counting());
        assertThat(got).extracting(Interaction::time).containsOnly(t).hasSize(5);
    }

    @Test
    void messagesArrayAndNestedPaths_mapped_keepRolesInOrder() throws Exception {
        Path log = foreignLog("{\"req\":{\"user\":{\"id\":\"u1\"},\"messages\":[{\"role\":\"developer\",\"content\":\"sys\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"part one\"},{\"type\":\"text\",\"text\":\"part two\"}]}]},"
                + "\"ts\":\"2026-04-01T00:00:00Z\",\"api\":\"anthropic.messages\",\"http\":{\"status\":429}}");
        FieldMapping m = FieldMapping.parse("account=req.user.id,messages=req.messages,time=ts,flavour=api,status=http.status");
        Interaction i = JsonlReader.readAll(log, m.interactions("f"), Quarantine.counting()).get(0);
        assertThat(i.accountId()).isEqualTo("u1");
        assertThat(i.flavour()).isEqualTo(ApiFlavour.ANTHROPIC_MESSAGES);
        assertThat(i.status()).isEqualTo(429);
        assertThat(i.messages()).extracting(msg -> msg.role()).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(i.lastUserMessage().text()).isEqualTo("part one\npart two");
    }

    @Test
    void missingOrBadMappedValues_read_quarantinedOthersKept() throws Exception {
        Path log = foreignLog(
                "{\"account_id\":\"ok\",\"timestamp\":\"2026-04-01T00:00:00Z\"}",
                "{\"prompt\":\"no account\",\"timestamp\":\"2026-04-01T00:00:00Z\"}",
                "{\"account_id\":\"a\"}",
                "{\"account_id\":\"a\",\"timestamp\":\"last tuesday\"}",
                "{\"account_id\":\"a\",\"timestamp\":\"2026-04-01T00:00:00Z\",\"max_tokens\":\"many\"}",
                "{\"account_id\":{\"nested\":1},\"timestamp\":\"2026-04-01T00:00:00Z\"}");
        Quarantine.Collecting q = Quarantine.collecting();
        List<Interaction> got = JsonlReader.readAll(log, FieldMapping.parse(SPEC).interactions("f"), q);
        assertThat(got).extracting(Interaction::accountId).containsExactly("ok");
        assertThat(q.rejections()).extracting(Quarantine.Rejection::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(q.rejections()).extracting(Quarantine.Rejection::reason).containsExactly(
                "missing required field 'account_id' (mapped to account)",
                "missing required field 'timestamp' (mapped to time)",
                "source field 'timestamp': not an RFC 3339 time with zone: 'last tuesday'",
                "source field 'max_tokens' must be a number, was 'many'",
                "source field 'account_id' must be a string or number, was an object");
    }

    @Test
    void badSpecs_parsed_rejectedWithClearMessage() {
        assertThatThrownBy(() -> FieldMapping.parse("account=a,time=t,colour=c")).hasMessageContaining("unknown mapping target 'colour'")
                .hasMessageContaining("prompt");
        assertThatThrownBy(() -> FieldMapping.parse("account=a,time")).hasMessageContaining("must be target=source");
        assertThatThrownBy(() -> FieldMapping.parse("account=a")).hasMessageContaining("'time'");
        assertThatThrownBy(() -> FieldMapping.parse("account=a,time=t,account=b")).hasMessageContaining("twice");
        assertThat(FieldMapping.parse(" account = a , time = t ").source(Target.ACCOUNT)).isEqualTo("a");
    }
}
