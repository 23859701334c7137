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
import org.junit.jupiter.api.Test;

class CampaignGraphTest {
    private final List<AccountState> states = new ArrayList<>();
    private final CampaignGraph graph = new CampaignGraph(GraphSettings.defaults(4.75), states::get);
    private final FeatureExtractor fx = new FeatureExtractor(IpIntel.NONE);
    private final Baseline baseline = new Baseline();
    private final List<Integer> attributed = new ArrayList<>();

    private AccountState account() {
        AccountState s = new AccountState(states.size());
        states.add(s);
        return s;
    }

    private void send(AccountState s, AttributeKind kind, long value, InteractionFeatures f, long t) {
        s.observe(f, t, null, false);
        Posting p = graph.attach(kind, value, s.index, t);
        p.addContent(f, t, graph.lastSlot);
    }

    @Test
    void touch_incrementalUpdates_countDistinctAccountsAndQueueCandidates() {
        AccountState a = account();
        AccountState b = account();
        AccountState c = account();
        Posting p = graph.attach(AttributeKind.PAYMENT, 42, a.index, 0);
        graph.attach(AttributeKind.PAYMENT, 42, a.index, 1);
        assertThat(p.accounts()).isEqualTo(1);
        graph.attach(AttributeKind.PAYMENT, 42, b.index, 2);
        assertThat(p.accounts()).isEqualTo(2);
        assertThat(p.dirty).isFalse();
        graph.attach(AttributeKind.PAYMENT, 42, c.index, 3);
        assertThat(p.accounts()).isEqualTo(3);
        assertThat(p.dirty).isTrue();
        assertThat(graph.posting(AttributeKind.PAYMENT, 42)).isSameAs(p);
        assertThat(graph.posting(AttributeKind.BIN, 42)).isNull();
    }

    @Test
    void touch_valueSeenByOneAccountOnly_notIndexedUntilASecondAccountShowsIt() {
        AccountState a = account();
        AccountState b = account();
        assertThat(graph.touch(AttributeKind.HEAD, 5, a.index, 0)).isNull();
        assertThat(graph.touch(AttributeKind.HEAD, 5, a.index, 1)).isNull();
        Posting p = graph.touch(AttributeKind.HEAD, 5, b.index, 2);
        assertThat(p).isNotNull();
        assertThat(p.accounts()).isEqualTo(2);
        assertThat(graph.postings()).isEqualTo(1);
    }

    @Test
    void touch_manyAccounts_sampleBoundedAndCountEstimated() {
        for (int i = 0; i < 1_000; i++) {
            graph.touch(AttributeKind.PREFIX, 7, account().index, i);
        }
        Posting p = graph.posting(AttributeKind.PREFIX, 7);
        assertThat(p.sampleSize()).isEqualTo(Posting.SAMPLE);
        assertThat(p.accounts()).isBetween(600, 1_400);
        assertThat(p.columnWeight()).isLessThan(1.0 / Math.log(5 + 500));
    }

    @Test
    void pass_groupWithPooledTells_becomesCampaignAndAttributesHolders() {
        InteractionFeatures benign = fx.extract(call().prompt("What is the capital of France?"));
        InteractionFeatures cot = fx.extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));
        for (int i = 0; i < 2_000; i++) {
            baseline.observe(i % 20 == 0 ? cot : benign);
        }
        for (int i = 0; i < 8; i++) {
            AccountState s = account();
            for (int k = 0; k < 4; k++) {
                send(s, AttributeKind.PAYMENT, 99, k < 3 ? cot : benign, k);
            }
        }
        graph.pass(10, baseline, (a, c, via, strength, t) -> {
            attributed.add(a.index);
            a.campaign = c.id;
        });
        assertThat(graph.campaigns()).hasSize(1);
        assertThat(attributed).hasSize(8);
        assertThat(graph.posting(AttributeKind.PAYMENT, 99).campaign).isEqualTo(graph.campaigns().get(0).id);
    }

    @Test
    void pass_benignGroupSharingAValue_noCampaign() {
        InteractionFeatures benign = fx.extract(call().prompt("What is the capital of France?"));
        InteractionFeatures cot = fx.extract(call().prompt("Think step by step."));
        for (int i = 0; i < 2_000; i++) {
            baseline.observe(i % 12 == 0 ? cot : benign);
        }
        for (int i = 0; i < 40; i++) {
            AccountState s = account();
            for (int k = 0; k < 12; k++) {
                send(s, AttributeKind.PREFIX, 5, k == 0 ? cot : benign, k);
            }
        }
        graph.pass(10, baseline, (a, c, via, strength, t) -> attributed.add(a.index));
        assertThat(graph.campaigns()).isEmpty();
        assertThat(attributed).isEmpty();
    }

    @Test
    void link_newAccountSharingMarkedValue_linksStronglyOnlyForStrongKinds() {
        pass_groupWithPooledTells_becomesCampaignAndAttributesHolders();
        Posting card = graph.posting(AttributeKind.PAYMENT, 99);
        Posting prefix = graph.attach(AttributeKind.PREFIX, 1, account().index, 20);
        assertThat(graph.link(new Posting[] {prefix}, 1)).isEmpty();
        var link = graph.link(new Posting[] {card, prefix}, 2);
        assertThat(link).isPresent();
        assertThat(link.get().strong()).isTrue();
        assertThat(link.get().strength()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void pass_independentAccountsCopyingOnePromptTrick_notCoordinatedNoCampaign() {
        InteractionFeatures benign = fx.extract(call().prompt("What is the capital of France?"));
        InteractionFeatures cot = fx.extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));
        for (int i = 0; i < 2_000; i++) {
            baseline.observe(i % 20 == 0 ? cot : benign);
        }
        for (int i = 0; i < 8; i++) {
            AccountState s = account();
            for (int k = 0; k < 6; k++) {
                send(s, AttributeKind.TAIL, 77, cot, k);
            }
        }
        graph.pass(10, baseline, (a, c, via, strength, t) -> attributed.add(a.index));
        assertThat(graph.campaigns()).isEmpty();
    }

    @Test
    void sweep_idleSingletons_forgottenCampaignMarkersKept() {
        pass_groupWithPooledTells_becomesCampaignAndAttributesHolders();
        graph.touch(AttributeKind.SKELETON, 1234, account().index, 0);
        graph.sweep(100 * 3_600_000L, 6 * 3_600_000L, 7 * 24 * 3_600_000L);
        assertThat(graph.posting(AttributeKind.SKELETON, 1234)).isNull();
        assertThat(graph.posting(AttributeKind.PAYMENT, 99)).isNotNull();
    }

    @Test
    void sweep_cardOfAccountsSilentForHalfAYear_kept() {
        // Dormant reserves are opened months before they are used: their shared card must still link them then.
        long day = 86_400_000L;
        graph.attach(AttributeKind.PAYMENT, 4242, account().index, 0);
        graph.attach(AttributeKind.PAYMENT, 4242, account().index, 0);
        graph.sweep(180 * day, 6 * 3_600_000L, day);
        assertThat(graph.posting(AttributeKind.PAYMENT, 4242)).isNotNull();
        graph.sweep(400 * day, 6 * 3_600_000L, day);
        assertThat(graph.posting(AttributeKind.PAYMENT, 4242)).isNull();
    }
}
