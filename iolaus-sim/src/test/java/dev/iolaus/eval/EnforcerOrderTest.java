package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Reproducibility of enforcement: a campaign's accounts reach the source in account-id order. The source activates
 * reserves in the order accounts are blocked, and a campaign's account set iterates in an order that changes from one
 * JVM to the next, so an unordered walk made two runs of one evaluation differ.
 */
class EnforcerOrderTest {
    private final List<String> toSource = new ArrayList<>();
    private final List<String> toLedger = new ArrayList<>();

    private Enforcer enforcer() {
        EventSource source = new EventSource() {
            @Override
            public SimEvent next() {
                return null;
            }

            @Override
            public void onBlocked(String accountId, long timeMs) {
                toSource.add(accountId);
            }

            @Override
            public Truth truth() {
                return null;
            }

            @Override
            public void close() {
            }
        };
        return new Enforcer(source, (a, t) -> toLedger.add(a));
    }

    private static Decision campaignBlock(String campaignId) {
        return new Decision("d-" + campaignId, Scope.CAMPAIGN, campaignId, Action.BLOCK, "test", null, "scripted", 0.9,
                Instant.EPOCH, null, false);
    }

    @Test
    void campaignBlock_manyMembers_blockedInAccountIdOrder() {
        Set<String> members = IntStream.range(0, 200).mapToObj(i -> "acct_" + Integer.toHexString(i * 7919))
                .collect(Collectors.toSet());
        Enforcer e = enforcer();
        e.onCampaign(new Campaign("k1", "scripted", members, 0.9, null, null, 0, 0, null, null), 0);
        e.onDecision(campaignBlock("k1"), 0);
        assertThat(toSource).hasSize(200).isSorted();
        assertThat(toLedger).isEqualTo(toSource);
    }

    @Test
    void blockedCampaignGrows_newMembersBlockedInAccountIdOrder() {
        Enforcer e = enforcer();
        e.onCampaign(new Campaign("k1", "scripted", Set.of("acct_m"), 0.9, null, null, 0, 0, null, null), 0);
        e.onDecision(campaignBlock("k1"), 0);
        e.onCampaign(new Campaign("k1", "scripted", Set.of("acct_m", "acct_z", "acct_a", "acct_q", "acct_c"), 0.9,
                null, null, 0, 0, null, null), 10);
        assertThat(toSource).containsExactly("acct_m", "acct_a", "acct_c", "acct_q", "acct_z");
    }
}
