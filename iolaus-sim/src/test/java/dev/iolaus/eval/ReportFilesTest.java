package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.detect.Detectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    private static final EvalHarness HARNESS = new EvalHarness(Detectors.registry(), new EvalOptions(60_000, null,
            ReportFilesTest::probe, null, null));

    private static SeparabilityProbe probe() {
        return new SeparabilityProbe() {
            @Override
            public void accept(dev.iolaus.sim.SimEvent event) {
            }

            @Override
            public Map<String, Double> result(dev.iolaus.sim.Truth truth) {
                return Map.of("user_agent", 0.91, "model", 0.55);
            }
        };
    }

    private static EvalResult run() {
        Fixture f = Fixture.builder().planned("c1", 4).attacker("a1", "c1").attacker("a2", "c1")
                .calls("a1", 0, 100, 200).calls("a2", 50, 150).benign("b1", "chat").calls("b1", 10, 4000);
        return HARNESS.run(f, List.of("rate-limit", "ip-reputation", "per-account-content", "null", "oracle"));
    }

    @Test
    void reportJson_hasExactlyTheContractKeys(@TempDir Path dir) throws Exception {
        ReportWriter.write(run(), dir);
        JsonNode root = ReportWriter.JSON.readTree(Files.readString(dir.resolve("report.json")));
        assertThat(keys(root)).containsExactly("scenario", "scale", "seed", "corpora", "separability", "detectors");
        assertThat(keys(root.get("detectors")))
                .containsExactly("rate-limit", "ip-reputation", "per-account-content", "null", "oracle");
        JsonNode d = root.get("detectors").get("oracle");
        assertThat(keys(d)).contains("accounts", "campaigns", "archetypes", "throughput_per_s", "peak_heap_mb");
        assertThat(keys(d.get("accounts"))).contains("precision", "recall", "f1", "fpr");
        assertThat(keys(d.get("campaigns").get("c1"))).contains("recall", "first_flag_s", "t90_s",
                "leakage_interactions", "leakage_output_tokens", "reserves_blocked_first");
        assertThat(keys(d.get("archetypes").get("chat"))).contains("flagged_rate", "blocked_rate");
        assertThat(d.get("accounts").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(d.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(root.get("separability").get("user_agent").asDouble()).isEqualTo(0.91);
    }

    @Test
    void reportMdAndHtml_showSeparabilityDefectsPlotsAndNoScript(@TempDir Path dir) throws Exception {
        EvalResult r = run();
        ReportWriter.write(r, dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| user_agent | 0.910 | **> 0.85: scenario defect** |", "| model | 0.550 | ok |",
                "## Detectors side by side", "## Per campaign", "## Per benign archetype",
                "no IP intelligence configured");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg", "Precision-recall", "Detection timeline", "scenario defect")
                .doesNotContain("<script", "<link", "http://", "https://");
        assertThat(ConsoleTable.text(r.report())).contains("oracle", "rate-limit", "0.910");
    }
}
