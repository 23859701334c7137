package dev.iolaus.detect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.AccountState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signup-cohort cards: dormant reserves opened in one of a campaign's signup slots and paying with a card shared
 * inside that slot join before their first request, when the slot is exclusive to the campaign (members among its
 * holders, no ordinary account); a customer who signed up in the same minutes with a card of its own does not, and
 * neither does a card-sharing pair in a slot an ordinary account also signed up in.
 */
class SignupCohortTest {
    private static final long CAMPAIGN_CARD = 99;
    private static final long SLOT = 7_000;
    private static final long PROMPT = 21;
    private static final AttributeKind[] CARD_AND_SLOT = {AttributeKind.PAYMENT, AttributeKind.SIGNUP_SLOT};

    private final GraphFixture g = new GraphFixture();
    private final List<AccountState> core = new ArrayList<>();

    @BeforeEach
    void campaignCoreSignedUpInOneSlot() {
        for (int i = 0; i < 4; i++) {
            AccountState a = account(CAMPAIGN_CARD, SLOT);
            for (int k = 0; k < 12; k++) {
                send(a, k % 5 != 1);
            }
            core.add(a);
        }
    }

    private AccountState account(long card, long slot) {
        return g.account(CARD_AND_SLOT, card, slot);
    }

    /** One call; as in the detector, its content also counts on the caller's card (tested on all its traffic). */
    private void send(AccountState s, boolean tell) {
        InteractionFeatures f = tell ? g.cot : g.plain;
        s.observe(f, g.clock, null, false);
        Posting p = g.graph.attach(AttributeKind.SYSTEM, PROMPT, s.index, g.clock++);
        p.addContent(f, g.clock, g.graph.lastSlot);
        s.addRecent(p.key);
        Posting card = g.graph.attach(AttributeKind.PAYMENT, CAMPAIGN_CARD, s.index, g.clock);
        card.addContent(f, g.clock, g.graph.lastSlot);
    }

    private void passes() {
        for (int pass = 1; pass <= 3; pass++) {
            g.pass(pass * 600_000L);
        }
    }

    @Test
    void pass_silentAccountsSharingACardInsideTheCampaignsSlot_joinBeforeAnyCall() {
        AccountState r1 = account(500, SLOT);
        AccountState r2 = account(500, SLOT);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(r1.campaign).isEqualTo(core.get(0).campaign);
        assertThat(r2.campaign).isEqualTo(core.get(0).campaign);
    }

    @Test
    void pass_customerWithItsOwnCardInTheSameSlot_staysOut() {
        AccountState customer = account(600, SLOT);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(customer.campaign).isNegative();
    }

    @Test
    void pass_slotAnOrdinaryAccountAlsoSignedUpIn_isNotExclusive() {
        AccountState ordinary = account(700, SLOT);
        for (int k = 0; k < 30; k++) {
            ordinary.observe(g.plain, g.clock++, null, false);
        }
        AccountState r1 = account(500, SLOT);
        AccountState r2 = account(500, SLOT);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(r1.campaign).isNegative();
        assertThat(r2.campaign).isNegative();
        assertThat(ordinary.campaign).isNegative();
    }

    @Test
    void pass_cardSharedInsideASlotWithoutMembers_staysOut() {
        AccountState r1 = account(500, SLOT + 1);
        AccountState r2 = account(500, SLOT + 1);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(r1.campaign).isNegative();
        assertThat(r2.campaign).isNegative();
    }
}
