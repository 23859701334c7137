package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.call;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static dev.iolaus.detect.policy.Fixtures.created;
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

class EngineTest {
    private static final long MIN = 60_000;

    private static Policy campaignBlock(String ttl, Set<String> shadowDetectors) {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign", "campaign.score >= 0.9")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.ACCOUNT, Durations.parse(ttl))), true, false, null);
        return new Policy(List.of(p), shadowDetectors, 0.05, CauterizeSettings.DEFAULT, 10_000);
    }

    private final List<Decision> decided = new ArrayList<>();
    private final List<Decision> expired = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();

    private Engine engine(ScriptedDetector d, Policy policy) {
        return new Engine(List.of(d), policy).addListener(new EngineListener() {
            @Override
            public void onDecision(Decision decision) {
                decided.add(decision);
            }

            @Override
            public void onExpired(Decision decision) {
                expired.add(decision);
            }

            @Override
            public void onCampaign(Campaign c) {
                campaigns.add(c);
            }
        });
    }

    @Test
    void campaignReport_isDecidedByPolicy_andEnforcedOnTheMembersRequests() {
        ScriptedDetector d = new ScriptedDetector().at(at(5).toEpochMilli(), campaign("c1", 0.95, "a1", "a2"));
        Engine e = engine(d, campaignBlock("1h", Set.of()));

        for (int m = 0; m <= 10; m++) {
            e.accept(call("a1", m, "198.51.100.1", "h1", null));
        }

        assertThat(campaigns).extracting(Campaign::id).containsExactly("c1");
        assertThat(decided).extracting(Decision::value).containsExactly("a1", "a2");
        assertThat(e.enforcement(call("a2", 11, "198.51.100.9", "h1", null)).action()).isEqualTo(Action.BLOCK);
        assertThat(e.enforcement(call("b1", 11, "198.51.100.9", "h1", null))).isNull();
        assertThat(d.interactions).isEqualTo(11);
        assertThat(e.stats().decisions()).isEqualTo(2);
    }

    @Test
    void decisions_expireInEventTime_asWatermarksAdvance() {
        ScriptedDetector d = new ScriptedDetector().at(at(1).toEpochMilli(), campaign("c1", 0.95, "a1"));
        Engine e = engine(d, campaignBlock("30m", Set.of()));

        e.accept(call("a1", 0, "198.51.100.1", "h1", null));
        e.accept(call("a1", 1, "198.51.100.1", "h1", null));
        e.accept(call("x", 20, "198.51.100.1", "h2", null));
        assertThat(e.decisions().enforced(Scope.ACCOUNT, "a1", at(20).toEpochMilli())).isNotNull();

        e.accept(call("x", 40, "198.51.100.1", "h2", null));

        assertThat(expired).extracting(Decision::value).containsExactly("a1");
        assertThat(e.decisions().size()).isZero();
        assertThat(d.watermarks).isSorted();
    }

    @Test
    void shadowDetector_decisionsAreRecordedButNotEnforced() {
        ScriptedDetector d = new ScriptedDetector().at(at(1).toEpochMilli(), campaign("c1", 0.95, "a1"));
        Engine e = engine(d, campaignBlock("1h", Set.of("test")));

        e.accept(call("a1", 0, "198.51.100.1", "h1", null));
        e.accept(call("a1", 2, "198.51.100.1", "h1", null));

        assertThat(decided).singleElement().extracting(Decision::shadow).isEqualTo(true);
        assertThat(e.enforcement(call("a1", 3, "198.51.100.1", "h1", null))).isNull();
        assertThat(e.decisions().any(Scope.ACCOUNT, "a1", at(3).toEpochMilli())).isNotNull();
    }

    @Test
    void reservesOfABlockedCampaign_areCauterized_beforeTheirFirstRequest_butLookalikesAreNot() {
        ScriptedDetector d = new ScriptedDetector().at(at(30).toEpochMilli(), campaign("c1", 0.95, "a1", "a2"));
        Engine e = engine(d, campaignBlock("30d", Set.of()));

        e.accept(created("a1", 0, "198.51.100.1", "card-x"));
        e.accept(created("a2", 0, "198.51.100.2", "card-x"));
        e.accept(created("r1", 1, "192.0.2.50", "card-x"));        // reserve, created before the block
        for (int m = 3; m < 25; m++) {
            e.accept(call("a1", m, "198.51.100.1", "hdr-sdk", "You are a helpful assistant."));
            e.accept(call("a2", m, "198.51.100.2", "hdr-sdk", "You are a helpful assistant."));
            for (int b = 1; b <= 5; b++) {    // benign customers with the same SDK and system prompt
                e.accept(call("b" + b, m, "192.0.2.6" + b, "hdr-sdk", "You are a helpful assistant."));
            }
        }
        e.accept(call("b1", 31, "192.0.2.60", "hdr-sdk", "You are a helpful assistant."));  // block happens here
        // The dormant reserve r1 is swept at the block itself, before its first request.
        assertThat(decided).extracting(Decision::value).containsExactly("a1", "a2", "r1");

        e.accept(call("r1", 40, "192.0.2.50", "hdr-sdk", "You are a helpful assistant."));   // first request
        e.accept(created("r2", 50, "192.0.2.70", "card-x"));                              // signup after the block
        e.accept(created("b9", 51, "203.0.113.71", "card-b9"));   // another network
        e.accept(call("b9", 52, "203.0.113.71", "hdr-sdk", "You are a helpful assistant."));

        assertThat(decided).extracting(Decision::value).containsExactly("a1", "a2", "r1", "r2");
        assertThat(decided.get(2).reason()).contains("cauterize", "payment_fingerprint card-x");
        assertThat(decided.get(2).createdAt()).isEqualTo(at(31));
        assertThat(decided.get(3).createdAt()).isEqualTo(at(50));
        assertThat(e.stats().cauterized()).isEqualTo(2);
    }

    @Test
    void growingCampaign_decidesNewMembersOnly_butAllWhenItFirstMatchesAProfile() {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign", "campaign.accounts >= 3")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.ACCOUNT, Durations.parse("30d"))), true, false, null);
        ScriptedDetector d = new ScriptedDetector()
                .at(at(1).toEpochMilli(), campaign("c1", 0.95, "a1", "a2"))
                .at(at(2).toEpochMilli(), campaign("c1", 0.95, "a1", "a2", "a3"))
                .at(at(3).toEpochMilli(), campaign("c1", 0.95, "a1", "a2", "a3"))
                .at(at(4).toEpochMilli(), campaign("c1", 0.95, "a1", "a2", "a3", "a4"));
        Engine e = engine(d, new Policy(List.of(p), Set.of(), 0.05, CauterizeSettings.DEFAULT, 1000));

        for (int m = 0; m <= 5; m++) {
            e.accept(call("x", m, "198.51.100.1", "h1", null));
        }

        assertThat(decided).extracting(Decision::value).containsExactly("a1", "a2", "a3", "a4");
        assertThat(decided).extracting(Decision::createdAt).containsExactly(at(2), at(2), at(2), at(4));
    }
}
