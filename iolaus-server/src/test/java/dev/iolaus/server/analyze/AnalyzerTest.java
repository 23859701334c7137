package dev.iolaus.server.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.engine.EngineOptions;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
    private static final Path GOLDEN = Path.of("..", "golden", "templated-campaign", "input");

    /** Reports every account that used a system prompt as one campaign at the end: a wiring test, not detection. */
    private static final class SystemPromptGroup implements Detector {
        final Set<String> accounts = new LinkedHashSet<>();
        final List<Long> times = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last;

        @Override
        public String name() {
            return "system-prompt-group";
        }

        @Override
        public void onInteraction(Interaction i, Findings out) {
            times.add(i.timeMs());
            if (i.systemMessage() != null) {
                accounts.add(i.accountId());
                first = Math.min(first, i.timeMs());
                last = Math.max(last, i.timeMs());
            }
        }

        @Override
        public void onWatermark(long nowMs, Findings out) {
            if (!accounts.isEmpty() && nowMs >= last) {
                out.campaign(new Campaign("g1", name(), accounts, 0.9, Instant.ofEpochMilli(first),
                        Instant.ofEpochMilli(last), accounts.size(), 1000, List.of("coding"),
                        List.of(new Evidence("system_prompt", accounts.size() + " accounts send a system prompt", 0.5))));
            }
        }

        @Override
        public Map<String, Double> accountScores() {
            return Map.of();
        }
    }

    @Test
    void run_mergesFilesInEventTime_quarantinesBadLines_andSumsUpCampaignsAndDecisions(@TempDir Path tmp)
            throws IOException {
        Path in = tmp.resolve("interactions.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(GOLDEN.resolve("interactions.jsonl")).subList(0, 200));
        lines.add(50, "{\"event_id\": \"broken\"");
        lines.add(120, "not json at all");
        Files.write(in, lines);
        SystemPromptGroup d = new SystemPromptGroup();
        DetectorRegistry registry = new DetectorRegistry().register(d.name(), ctx -> d);
        Quarantine.Collecting q = Quarantine.collecting();

        Analysis a = Analyzer.run(registry, new Analyzer.Options(
                new EventFiles(in, GOLDEN.resolve("accounts.jsonl"), null), List.of(d.name()),
                Policies.defaultPolicy(), "default", DetectorContext.empty(), EngineOptions.DEFAULT), q, null);

        assertThat(d.times).isSorted().hasSize(200);
        assertThat(a.counts().interactions().accepted()).isEqualTo(200);
        assertThat(a.counts().interactions().quarantined()).isEqualTo(2);
        assertThat(q.rejections()).extracting(Quarantine.Rejection::line).containsExactly(51L, 121L);
        assertThat(a.counts().accounts().accepted()).isPositive();
        assertThat(a.stats().accountEvents()).isEqualTo(a.counts().accounts().accepted());
        assertThat(a.campaigns()).singleElement().satisfies(s -> {
            assertThat(s.campaign().accounts()).containsExactlyInAnyOrderElementsOf(d.accounts);
            assertThat(s.ipPrefixes()).isNotEmpty();
            assertThat(s.attributes()).containsKey("client_fingerprint");
            assertThat(s.decisions()).isNotEmpty();
        });
        // The default policy blocks a 3+ account campaign: every member, in the campaign's name.
        assertThat(a.decisions()).filteredOn(x -> x.scope() == Scope.ACCOUNT).extracting(x -> x.value())
                .containsAll(d.accounts);
        assertThat(a.from()).isBefore(a.to());
    }

    @Test
    void resolveDetectors_defaultsToIolausWhenRegistered_elseToEveryAvailableOne() {
        List<String> notes = new ArrayList<>();
        DetectorRegistry without = new DetectorRegistry().register("rate-limit", ctx -> null)
                .register("null", ctx -> null);

        assertThat(Analyzer.resolveDetectors(without, List.of(), notes::add)).containsExactly("rate-limit");
        assertThat(notes).singleElement().asString().contains("'iolaus' is not registered");
        assertThat(Analyzer.resolveDetectors(Detectors.registry().register("iolaus", ctx -> null), List.of(),
                notes::add)).containsExactly("iolaus");
        assertThatThrownBy(() -> Analyzer.resolveDetectors(without, List.of("nope"), notes::add))
                .hasMessageContaining("unknown detector 'nope' (known: rate-limit, null)");
    }
}
