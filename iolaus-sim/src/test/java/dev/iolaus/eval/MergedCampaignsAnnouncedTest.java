package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.sim.ScenarioLoader;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.gen.IpCatalog;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.text.Corpora;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * When the detector merges two campaigns that met through shared accounts, it announces the one that is gone
 * (no accounts, the id of the one carrying on), so that a consumer keeping the latest report per id holds no stale
 * campaign whose accounts are now another's. Replayed over the smoke scenario, in which campaigns merge.
 */
class MergedCampaignsAnnouncedTest {

    @Test
    void smokeReplay_mergedCampaignsAnnounced_latestLiveCampaignsShareNoAccount() throws Exception {
        Map<String, Campaign> latest = new HashMap<>();
        Set<String> merged = new HashSet<>();
        IolausDetector detector = new IolausDetector(DetectorContext.empty());
        Findings out = new Findings() {
            @Override
            public void flag(AccountFinding finding) {
            }

            @Override
            public void campaign(Campaign c) {
                if (c.merged()) {
                    assertThat(c.accounts()).isEmpty();
                    assertThat(latest).as("a merged campaign was reported live before").containsKey(c.id());
                    assertThat(c.mergedInto()).isNotEqualTo(c.id());
                    merged.add(c.id());
                    latest.remove(c.id());
                } else {
                    assertThat(merged).as("a merged campaign is never reported live again").doesNotContain(c.id());
                    latest.put(c.id(), c);
                }
            }
        };
        try (SimulatedSource src = SimulatedSource.open(ScenarioLoader.load("smoke"), 1.0, 7, Corpora.builtIn(),
                IpCatalog.resolve(null))) {
            for (SimEvent e = src.next(); e != null; e = src.next()) {
                switch (e) {
                    case SimEvent.Call c -> detector.onInteraction(c.interaction(), out);
                    case SimEvent.Lifecycle l -> detector.onAccountEvent(l.event(), out);
                }
            }
            detector.onWatermark(src.truth().campaigns().values().stream()
                    .mapToLong(c -> c.end().toEpochMilli()).max().orElseThrow() + 2 * 3_600_000L, out);
        }

        assertThat(merged).as("campaigns merged in this replay").isNotEmpty();
        List<Campaign> live = List.copyOf(latest.values());
        for (int i = 0; i < live.size(); i++) {
            for (int j = i + 1; j < live.size(); j++) {
                Set<String> both = new HashSet<>(live.get(i).accounts());
                both.retainAll(live.get(j).accounts());
                assertThat(both).as(live.get(i).id() + " and " + live.get(j).id()).isEmpty();
            }
        }
    }
}
