package dev.iolaus.server.report;

import dev.iolaus.detect.engine.EngineStats;
import dev.iolaus.io.json.ReadStats;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Scope;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.CampaignSummary;
import dev.iolaus.server.analyze.EventFiles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small hand-built analysis with two campaigns, for report and STIX tests. */
public final class AnalysisFixtures {
    private AnalysisFixtures() {
    }

    public static Analysis twoCampaigns() {
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        Instant t1 = Instant.parse("2026-02-01T06:30:00Z");
        Campaign c1 = new Campaign("c-templ", "iolaus", Set.of("a1", "a2", "a3"), 0.97, t0, t1, 1200, 900_000,
                List.of("coding", "reasoning"), List.of(
                new Evidence("shared_template", "3 accounts share template signature 9f2c01 <b>|x|</b>", 0.8),
                new Evidence("payment_cluster", "3 accounts paid with 1 prepaid card of BIN 411111", 0.6)));
        Campaign c2 = new Campaign("c-cot", "iolaus", Set.of("b1", "b2"), 0.91, t0.plusSeconds(60), t1, 300,
                120_000, List.of("reasoning"), List.of(new Evidence("cot_share", "71% ask for step-by-step reasoning", 0.7)));
        Decision d1 = new Decision("dec-1", Scope.ACCOUNT, "a1", Action.BLOCK, "campaign-block: iolaus campaign c-templ",
                "campaign:c-templ", "iolaus", 0.97, t1, t1.plusSeconds(86_400), false);
        Decision d2 = new Decision("dec-2", Scope.ACCOUNT, "r1", Action.BLOCK,
                "cauterize: linked to blocked campaign c-templ by payment_fingerprint fpX", "campaign:c-templ",
                "iolaus", 0.97, t1.plusSeconds(60), null, false);
        Map<String, Map<String, Integer>> attrs = new LinkedHashMap<>();
        attrs.put("payment_fingerprint", Map.of("fp'X", 3));
        attrs.put("template_signature", Map.of("9f2c01", 3));
        CampaignSummary s1 = new CampaignSummary(c1, Map.of("203.0.113.0/24", 2, "2001:db8:1::/48", 2,
                "192.0.2.0/24", 1), attrs,
                List.of(d1, d2), List.of("r1"));
        CampaignSummary s2 = new CampaignSummary(c2, Map.of("198.51.100.0/24", 2), Map.of(), List.of(), List.of());
        ReadStats rs = new ReadStats(1600, 1598, 2);
        return new Analysis(List.of("interactions.jsonl"), List.of("iolaus"), "default",
                new EventFiles.Counts(rs, new ReadStats(10, 10, 0), t0.toEpochMilli(), t1.toEpochMilli()), t0, t1,
                new EngineStats(1598, 10, 5, 2, 1, 4, 0, t1.toEpochMilli()), List.of(s1, s2),
                Map.of("a1", 0.97, "b1", 0.91), List.of(d1, d2));
    }
}
