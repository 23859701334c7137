package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.call;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.CauterizeSettings;
import dev.iolaus.detect.policy.DecisionSpec;
import dev.iolaus.detect.policy.Durations;
import dev.iolaus.detect.policy.Filter;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A campaign reported as merged into another is dropped from the engine's campaigns and decides nothing; its accounts
 * stay enforced under the campaign that carries on.
 */
class MergedCampaignTest {
    private final List<Decision> decided = new ArrayList<>();

    private Engine engine(ScriptedDetector d) {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.CAMPAIGN, Durations.parse("1h"))), true, false, null);
        return new Engine(List.of(d), new Policy(List.of(p), Set.of(), 0.05, CauterizeSettings.DEFAULT, 10_000))
                .addListener(new EngineListener() {
                    @Override
                    public void onDecision(Decision decision) {
                        decided.add(decision);
                    }
                });
    }

    private static Campaign mergedInto(String id, String survivor) {
        Campaign c = campaign(id, 0.95);
        return new Campaign(c.id(), c.detector(), Set.of(), c.score(), c.firstSeen(), c.lastSeen(), c.interactions(),
                c.outputTokens(), c.capabilities(), List.of(), survivor);
    }

    @Test
    void mergedCampaign_dropped_accountsEnforcedUnderTheSurvivor() {
        ScriptedDetector d = new ScriptedDetector()
                .at(at(5).toEpochMilli(), campaign("c3", 0.95, "a1", "a2"))
                .at(at(6).toEpochMilli(), campaign("c0", 0.95, "a1", "a2", "a3"))
                .at(at(7).toEpochMilli(), mergedInto("c3", "c0"));
        Engine e = engine(d);

        for (int m = 0; m <= 10; m++) {
            e.accept(call("b1", m, "198.51.100.9", "h1", null));
        }

        assertThat(e.campaigns()).containsOnlyKeys("c0");
        assertThat(decided).extracting(Decision::value).containsExactly("c3", "c0");
        assertThat(e.enforcement(call("a1", 11, "198.51.100.1", "h1", null)).value()).isEqualTo("c0");
        assertThat(e.enforcement(call("a3", 11, "198.51.100.1", "h1", null)).value()).isEqualTo("c0");
    }

    @Test
    void mergedBeforeSurvivorReported_accountsNoLongerMappedToTheGoneCampaign() {
        ScriptedDetector d = new ScriptedDetector()
                .at(at(5).toEpochMilli(), campaign("c3", 0.95, "a1"))
                .at(at(6).toEpochMilli(), mergedInto("c3", "c0"));
        Engine e = engine(d);

        for (int m = 0; m <= 10; m++) {
            e.accept(call("b1", m, "198.51.100.9", "h1", null));
        }

        assertThat(e.campaigns()).isEmpty();
        assertThat(decided).extracting(Decision::value).containsExactly("c3");
        assertThat(e.enforcement(call("a1", 11, "198.51.100.1", "h1", null))).isNull();
    }
}
