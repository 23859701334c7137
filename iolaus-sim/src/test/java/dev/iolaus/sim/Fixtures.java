package dev.iolaus.sim;

import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small scenarios and options shared by the simulator tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** The shared corpora directory when the test machine has it, else null (built-in fallback). */
    static Path corpora() {
        String shared = System.getProperty("iolaus.shared");
        Path p = shared == null ? null : Path.of(shared, "corpora");
        return p != null && Files.isDirectory(p) ? p : null;
    }

    static SimOptions options(double scale) {
        return new SimOptions(scale, null, corpora(), null);
    }

    static SimulatedSource open(String scenario, double scale) {
        return Simulator.open(scenario, options(scale));
    }

    static ScenarioSpec yaml(String text) {
        return ScenarioLoader.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    /**
     * A small scenario: benign developers and casual users, and one campaign.
     *
     * @param campaignExtra extra YAML lines (indented 4) for the campaign
     */
    static String tiny(String campaignExtra) {
        return tiny(campaignExtra, "created_to_day: 0");
    }

    /** The tiny scenario with its campaign's signups ending at {@code createdTo} ("created_to_day: N"). */
    static String tiny(String campaignExtra, String createdTo) {
        return """
                name: tiny
                start: 2026-04-20T00:00:00Z
                days: 2
                benign:
                  accounts: 300
                  archetypes:
                    - {name: casual, share: 0.5, per_day: 4, volume_shape: 1.6, prompts: {chat: 0.7, code: 0.3}}
                    - {name: developer, share: 0.5, per_day: 10, volume_shape: 1.5, prompts: {code: 0.6, chat: 0.4}}
                campaigns:
                  - name: camp
                    accounts: 60
                    interactions: 6000
                    prompts: {code: 0.6, reasoning: 0.4}
                    mundane: 0.3
                    wrappers: {cot: 0.5, plain: 0.5}
                    paraphrase: 0.5
                    timing: {mode: random}
                    identity: {created_from_day: -100, %s, recent: 0.3}
                """.formatted(createdTo) + campaignExtra;
    }
}
