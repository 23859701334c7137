package dev.iolaus.detect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.fingerprint.AccountState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An end user of a host account (a reseller's customer, judged as a sub-account) joins a campaign on its own calls:
 * when they carry the campaign's content far more often than ordinary calls do and its tells are not those of
 * ordinary traffic; not when either is ordinary.
 */
class EndUserRuleTest {
    private static final AttributeKind[] CARD = {AttributeKind.PAYMENT};

    private final GraphFixture g = new GraphFixture();
    private final EndUserRule rule = new EndUserRule(GraphSettings.defaults(4.75));
    private CampaignState campaign;
    private Posting template;
    private Posting other;

    @BeforeEach
    void campaignWithAMarkedTemplate() {
        // Four tell-heavy accounts on one card: the card's pooled test founds a campaign.
        for (int i = 0; i < 4; i++) {
            AccountState a = g.account(CARD, 99);
            for (int k = 0; k < 12; k++) {
                a.observe(k % 5 == 1 ? g.plain : g.cot, g.clock++, null, false);
            }
        }
        g.graph.requeue(g.states.get(0).staticAttrs[0]);
        g.pass(600_000L);
        campaign = g.graph.campaign(g.states.get(0).campaign);
        assertThat(campaign).isNotNull();
        // A template frame its members send, marking it; and one nobody's campaign uses.
        template = g.graph.attach(AttributeKind.HEAD, 777, g.states.get(0).index, g.clock);
        template.campaign = campaign.id;
        other = g.graph.attach(AttributeKind.HEAD, 778, g.states.get(1).index, g.clock);
        // Ordinary traffic: 2% of calls outside campaigns carry some campaign's content.
        for (int i = 0; i < 5_000; i++) {
            rule.observeOrdinary(i % 50 == 0);
        }
    }

    /**
     * Sends {@code calls} calls of an end user, tells in {@code tellPct}% of them and the campaign's template in
     * {@code markedPct}% (each spread evenly); returns the campaign it joined, or null.
     */
    private CampaignState send(AccountState u, int calls, int tellPct, int markedPct) {
        for (int k = 0; k < calls; k++) {
            boolean tell = (k * tellPct) / 100 != ((k + 1) * tellPct) / 100;
            u.observe(tell ? g.cot : g.plain, g.clock++, null, false);
            boolean marked = (k * markedPct) / 100 != ((k + 1) * markedPct) / 100;
            CampaignState c = rule.observe(u, marked ? template : null, g.baseline, g.graph);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private AccountState endUser() {
        AccountState s = new AccountState(g.states.size());
        g.states.add(s);
        return s;
    }

    @Test
    void observe_endUserSendingCampaignTemplatesWithManyTells_joinsTheCampaign() {
        AccountState u = endUser();
        CampaignState joined = send(u, 400, 60, 50);
        assertThat(joined).isSameAs(campaign);
        assertThat(u.n).isLessThan(400);
    }

    @Test
    void observe_endUserCarryingCampaignContentAtTheOrdinaryRate_staysOut() {
        assertThat(send(endUser(), 400, 60, 2)).isNull();
    }

    @Test
    void observe_endUserWithTemplatesButBaselineTells_staysOut() {
        assertThat(send(endUser(), 400, 5, 60)).isNull();
    }

    @Test
    void observe_callWithoutAMark_neverJoins() {
        AccountState u = endUser();
        send(u, 200, 60, 0);
        assertThat(rule.observe(u, null, g.baseline, g.graph)).isNull();
        assertThat(u.marked).isZero();
    }

    @Test
    void contentMark_networkOrUnmarkedValues_notAMark() {
        Posting prefix = g.graph.attach(AttributeKind.PREFIX, 5, 0, g.clock);
        prefix.campaign = campaign.id;
        assertThat(EndUserRule.contentMark(new Posting[] {prefix, other}, 2)).isNull();
        assertThat(EndUserRule.contentMark(new Posting[] {prefix, other, template}, 3)).isSameAs(template);
    }

    @Test
    void markedRate_followsOrdinaryCallsAndDecays() {
        assertThat(rule.markedRate()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.001));
        rule.decay();
        for (int i = 0; i < 5_000; i++) {
            rule.observeOrdinary(i % 10 == 0);
        }
        // Recent calls (10% marked) now outweigh the decayed older ones (2%).
        assertThat(rule.markedRate()).isGreaterThan(0.06);
    }
}
