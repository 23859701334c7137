package dev.iolaus.detect.graph;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.score.Baseline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Membership needs the holder's own evidence: ordinary accounts that share a campaign's stock system prompt and
 * template (copied from one public prompt collection), with a tell rate above the baseline but far below the
 * campaign's, are not swept in as members.
 */
class CampaignMembershipTest {
    private static final long STOCK_SYSTEM = 11;
    private static final long STOCK_HEAD = 12;
    private static final long CAMPAIGN_CARD = 99;

    private final List<AccountState> states = new ArrayList<>();
    private final CampaignGraph graph = new CampaignGraph(GraphSettings.defaults(4.75), states::get);
    private final FeatureExtractor fx = new FeatureExtractor(IpIntel.NONE);
    private final Baseline baseline = new Baseline();
    private final List<Integer> members = new ArrayList<>();
    private final List<AccountState> attackers = new ArrayList<>();
    private final List<AccountState> ordinary = new ArrayList<>();
    private InteractionFeatures plain;
    private InteractionFeatures cot;

    @BeforeEach
    void baselineAtFivePercent() {
        plain = fx.extract(call().prompt("What is the capital of France?"));
        cot = fx.extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));
        for (int i = 0; i < 2_000; i++) {
            baseline.observe(i % 20 == 0 ? cot : plain);
        }
    }

    private AccountState account(long card) {
        AccountState s = new AccountState(states.size());
        states.add(s);
        s.addStatic(graph.attach(AttributeKind.PAYMENT, card, s.index, 0).key);
        return s;
    }

    /** One call carrying a shared prompt value, recorded as the detector does (system values also as recent). */
    private void send(AccountState s, AttributeKind kind, long value, boolean tell, long t) {
        InteractionFeatures f = tell ? cot : plain;
        s.observe(f, t, null, false);
        Posting p = graph.attach(kind, value, s.index, t);
        p.addContent(f, t, graph.lastSlot);
        if (kind == AttributeKind.SYSTEM) {
            s.addRecent(p.key);
        }
    }

    /** Calls alternating the stock system prompt and the stock template head; call k carries a tell when asked. */
    private void traffic(AccountState s, int calls, IntPredicate tell) {
        for (int k = 0; k < calls; k++) {
            send(s, k % 2 == 0 ? AttributeKind.SYSTEM : AttributeKind.HEAD, k % 2 == 0 ? STOCK_SYSTEM : STOCK_HEAD,
                    tell.test(k), k);
        }
    }

    /** Eight campaign accounts on one card (tells in 60% of calls) and three ordinary accounts on their own cards. */
    private void world(int ordinaryCalls, IntPredicate ordinaryTell) {
        for (int i = 0; i < 8; i++) {
            AccountState a = account(CAMPAIGN_CARD);
            traffic(a, 10, k -> k % 5 == 0 || k % 5 == 2 || k % 5 == 4);
            attackers.add(a);
        }
        for (int i = 0; i < 3; i++) {
            AccountState o = account(1_000 + i);
            traffic(o, ordinaryCalls, ordinaryTell);
            ordinary.add(o);
        }
        for (int pass = 1; pass <= 3; pass++) {
            graph.pass(pass * 600_000L, baseline, (a, c, via, strength, t) -> {
                if (a.campaign < 0) {
                    c.addMember(a);
                    members.add(a.index);
                }
                a.campaign = c.id;
            });
        }
    }

    @Test
    void pass_ordinaryHoldersOfCampaignStockPrompts_notMembers() {
        // One call in six asks for step-by-step answers: above the 5% baseline (own z > 3), far below the campaign.
        world(60, k -> k % 12 == 0 || k % 12 == 7);
        assertThat(graph.campaigns()).hasSize(1);
        CampaignState c = graph.campaigns().get(0);
        assertThat(graph.posting(AttributeKind.SYSTEM, STOCK_SYSTEM).campaign).isEqualTo(c.id);
        assertThat(members).containsExactlyInAnyOrderElementsOf(attackers.stream().map(a -> a.index).toList());
        assertThat(ordinary).allSatisfy(o -> assertThat(o.campaign).isNegative());
        assertThat(c.tellRate()).isEqualTo(0.6);
    }

    @Test
    void pass_holderAsTellHeavyAsTheCampaign_joins() {
        world(20, k -> k % 5 == 0 || k % 5 == 2 || k % 5 == 4);
        assertThat(ordinary).allSatisfy(o -> assertThat(o.campaign).isEqualTo(graph.campaigns().get(0).id));
    }

    @Test
    void contradicts_ownRateNearerBaselineThanCampaign_keepsAccountOutOfATellHeavyCampaignOnly() {
        AccountState startup = account(7);
        for (int k = 0; k < 40; k++) {
            send(startup, AttributeKind.HEAD, 3, k % 10 == 0, k);
        }
        assertThat(graph.contradicts(startup, 0.05)).isFalse();
        assertThat(graph.contradicts(startup, 0.05, 400, 1_000)).isTrue();
        assertThat(graph.contradicts(startup, 0.05, 120, 1_000)).isFalse();
        // One member's two calls say little about the campaign's rate: no verdict yet.
        assertThat(graph.contradicts(startup, 0.05, 1, 2)).isFalse();
    }

    @Test
    void contradicts_shortHistoryWithoutTells_leftToTheLinks() {
        AccountState fresh = account(7);
        for (int k = 0; k < 3; k++) {
            send(fresh, AttributeKind.HEAD, 3, false, k);
        }
        assertThat(graph.contradicts(fresh, 0.05, 400, 1_000)).isFalse();
    }
}
