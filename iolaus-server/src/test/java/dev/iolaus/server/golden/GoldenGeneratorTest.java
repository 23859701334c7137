package dev.iolaus.server.golden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.ScenarioLoader;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import dev.iolaus.sim.gen.IpCatalog;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.scenario.ScenarioSpec;
import dev.iolaus.sim.text.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates every golden folder's {@code input/} and {@code expected.yaml} from its {@code scenario.yaml} and
 * {@code generate.yaml} with the simulator (built-in corpus and IP ranges, so nothing from shared data lands in the
 * repository). Runs only when asked: {@code -Diolaus.golden.regenerate=true} (command in {@code golden/README.md}).
 */
@EnabledIfSystemProperty(named = "iolaus.golden.regenerate", matches = "true")
class GoldenGeneratorTest {

    @Test
    void regenerate_everyGoldenFolder() throws IOException {
        // No shared IP data: the simulator falls back to its built-in ranges.
        System.setProperty("iolaus.shared", "/nonexistent-iolaus-shared");
        try (Stream<Path> dirs = Files.list(GoldenTest.ROOT)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("scenario.yaml"))) {
                    generate(dir);
                }
            }
        }
    }

    private static void generate(Path dir) throws IOException {
        ScenarioSpec spec = ScenarioLoader.load(dir.resolve("scenario.yaml").toString());
        JsonNode gen = GoldenSpec.YAML.readTree(dir.resolve("generate.yaml").toFile());
        JsonNode expect = gen.path("expect");
        double blockAfterHours = gen.path("block_after_hours").asDouble(-1);
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Map<String, Long> firstCall = new TreeMap<>();
        // End users a host names (sub-accounts): hosted senders' ids by campaign, and the host's own customers.
        Map<String, Set<String>> hostedEndUsers = new TreeMap<>();
        Set<String> benignEndUsers = new TreeSet<>();
        Set<String> blockedBySim = new HashSet<>();
        Truth truth;
        try (SimulatedSource src = SimulatedSource.open(spec, 1.0, spec.seed(), Corpora.builtIn(), IpCatalog.resolve(null));
             JsonlWriter<Interaction> iw = JsonlWriter.open(input.resolve("interactions.jsonl"), EventCodecs.INTERACTION);
             JsonlWriter<AccountEvent> aw = JsonlWriter.open(input.resolve("accounts.jsonl"), EventCodecs.ACCOUNT_EVENT)) {
            Map<String, Long> campaignStart = new LinkedHashMap<>();
            for (SimEvent e = src.next(); e != null; e = src.next()) {
                switch (e) {
                    case SimEvent.Call c -> {
                        Interaction i = c.interaction();
                        iw.write(i);
                        firstCall.putIfAbsent(i.accountId(), i.timeMs());
                        Truth.AccountTruth t = src.truth().accounts().get(i.accountId());
                        if (t != null && t.attacker()) {
                            campaignStart.putIfAbsent(t.campaignId(), i.timeMs());
                        }
                        if (i.endUserId() != null) {
                            String label = src.labelOf(i.eventId());
                            if (src.truth().campaigns().containsKey(label)) {
                                hostedEndUsers.computeIfAbsent(label, k -> new TreeSet<>()).add(i.principal());
                            } else {
                                benignEndUsers.add(i.principal());
                            }
                        }
                    }
                    case SimEvent.Lifecycle l -> aw.write(l.event());
                }
                if (blockAfterHours >= 0) {
                    // Simulated enforcement: block each campaign's active accounts once it has run long enough.
                    for (Map.Entry<String, Long> cs : campaignStart.entrySet()) {
                        long at = cs.getValue() + (long) (blockAfterHours * 3_600_000L);
                        if (e.timeMs() >= at) {
                            for (Truth.AccountTruth t : List.copyOf(src.truth().accounts().values())) {
                                if (cs.getKey().equals(t.campaignId()) && !t.reserve() && blockedBySim.add(t.accountId())) {
                                    src.onBlocked(t.accountId(), e.timeMs());
                                }
                            }
                        }
                    }
                }
            }
            truth = src.truth();
        }
        benignEndUsers.removeAll(hostedEndUsers.values().stream().flatMap(Set::stream).toList());
        writeExpected(dir, spec, gen, expect, truth, firstCall, hostedEndUsers, benignEndUsers);
    }

    private static void writeExpected(Path dir, ScenarioSpec spec, JsonNode gen, JsonNode expect, Truth truth,
                                      Map<String, Long> firstCall, Map<String, Set<String>> hostedEndUsers,
                                      Set<String> benignEndUsers) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", spec.description());
        out.put("detector", gen.path("detector").asText("iolaus"));
        List<Object> campaigns = new ArrayList<>();
        Set<String> active = new TreeSet<>();
        Set<String> reserves = new TreeSet<>();
        Set<String> benign = new TreeSet<>();
        Map<String, Set<String>> byCampaign = new TreeMap<>();
        for (Truth.AccountTruth t : truth.accounts().values()) {
            if (!t.attacker()) {
                benign.add(t.accountId());
            } else if (firstCall.containsKey(t.accountId())) {
                if (t.reserve()) {
                    reserves.add(t.accountId());
                } else {
                    active.add(t.accountId());
                    byCampaign.computeIfAbsent(t.campaignId(), k -> new TreeSet<>()).add(t.accountId());
                }
            }
        }
        // A hosted campaign's members are the end-user ids it sent under, not its host (a benign account).
        byCampaign.putAll(hostedEndUsers);
        benign.addAll(benignEndUsers);
        byCampaign.forEach((id, accounts) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", id);
            c.put("min_recall", expect.path("campaign_min_recall").asDouble(0.9));
            c.put("accounts", List.copyOf(accounts));
            campaigns.add(c);
        });
        out.put("campaigns", campaigns);
        if (!active.isEmpty() && expect.has("blocked_min_share")) {
            out.put("blocked", Map.of("min_share", expect.get("blocked_min_share").asDouble(), "accounts",
                    List.copyOf(active)));
        }
        if (!reserves.isEmpty() && expect.has("cauterized_min_share")) {
            out.put("cauterized", Map.of("min_share", expect.get("cauterized_min_share").asDouble(), "accounts",
                    List.copyOf(reserves)));
        }
        out.put("not_flagged", Map.of("max_share", expect.path("not_flagged_max_share").asDouble(0.0), "accounts",
                List.copyOf(benign)));
        String header = "# Generated by GoldenGeneratorTest from scenario.yaml and generate.yaml (golden/README.md):"
                + " regenerate rather than edit.\n";
        Files.writeString(dir.resolve("expected.yaml"), header + GoldenSpec.YAML.writeValueAsString(out)
                .replaceFirst("^---\\n", ""));
    }
}
