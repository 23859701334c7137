package dev.iolaus.detect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.fingerprint.AccountState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End users of a host who share a tell-heavy template and remember the same two template heads found a campaign of
 * their own and join it; end users who remember one shared head do not.
 */
class EndUserCampaignTest {
    private final GraphFixture g = new GraphFixture();

    /** Four tell-heavy end users sharing a template tail, each remembering the given heads. */
    private List<AccountState> endUsers(long... heads) {
        List<AccountState> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AccountState a = new AccountState(g.states.size());
            g.states.add(a);
            for (int k = 0; k < 30; k++) {
                a.observe(k % 3 == 0 ? g.plain : g.cot, g.clock++, null, false);
                Posting tail = g.graph.attach(AttributeKind.TAIL, 5, a.index, g.clock);
                tail.addContent(k % 3 == 0 ? g.plain : g.cot, g.clock, g.graph.lastSlot);
            }
            for (long h : heads) {
                Posting head = g.graph.attach(AttributeKind.HEAD, h, a.index, g.clock);
                head.addContent(g.cot, g.clock, g.graph.lastSlot);
                a.addHead(head.key);
            }
            out.add(a);
        }
        g.graph.requeue(AttributeKind.TAIL.key(5));
        return out;
    }

    @Test
    void pass_endUsersRememberingTwoSharedHeads_joinACampaign() {
        List<AccountState> users = endUsers(11, 12);
        g.pass(600_000L);
        assertThat(users).allSatisfy(a -> assertThat(a.campaign).isNotNegative());
        assertThat(users).extracting(a -> g.graph.campaign(a.campaign).id).containsOnly(
                g.graph.campaign(users.get(0).campaign).id);
    }

    @Test
    void pass_endUsersRememberingOneSharedHead_joinNothing() {
        List<AccountState> users = endUsers(11);
        g.pass(600_000L);
        assertThat(users).allSatisfy(a -> assertThat(a.campaign).isNegative());
    }
}
