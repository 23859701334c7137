package dev.iolaus.detect.graph;

import static dev.iolaus.detect.features.TestCalls.call;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.score.Baseline;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign graph over hand-made accounts for membership tests: a baseline with 5% chain-of-thought prompts, an
 * ordinary and a tell-carrying call, and graph passes that join attributed accounts the way the detector does.
 */
final class GraphFixture {
    final List<AccountState> states = new ArrayList<>();
    final CampaignGraph graph = new CampaignGraph(GraphSettings.defaults(4.75), states::get);
    final Baseline baseline = new Baseline();
    final InteractionFeatures plain;
    final InteractionFeatures cot;
    long clock;

    GraphFixture() {
        FeatureExtractor fx = new FeatureExtractor(IpIntel.NONE);
        plain = fx.extract(call().prompt("What is the capital of France?"));
        cot = fx.extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));
        for (int i = 0; i < 2_000; i++) {
            baseline.observe(i % 20 == 0 ? cot : plain);
        }
    }

    /** A new account holding the given lifecycle values (a card, a signup slot, ...). */
    AccountState account(AttributeKind[] kinds, long... values) {
        AccountState s = new AccountState(states.size());
        states.add(s);
        for (int i = 0; i < values.length; i++) {
            s.addStatic(graph.attach(kinds[i], values[i], s.index, clock).key);
        }
        return s;
    }

    /**
     * One graph pass at {@code nowMs}: an attributed account joins its campaign, and its lifecycle values are
     * re-tested at the next pass, as {@code IolausDetector} does.
     */
    void pass(long nowMs) {
        graph.pass(nowMs, baseline, (a, c, via, strength, t) -> {
            if (a.campaign < 0) {
                c.addMember(a);
                for (long key : a.staticAttrs) {
                    graph.requeue(key);
                }
            }
            a.campaign = c.id;
        });
    }
}
