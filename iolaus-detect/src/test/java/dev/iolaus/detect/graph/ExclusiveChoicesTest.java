package dev.iolaus.detect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.AccountState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A camouflaged campaign's accounts share no card, network or client, but pick system prompts from the operator's own
 * set: an account holding three distinct prompts that only campaign members (and no ordinary account) use joins; two
 * such prompts, or prompts an ordinary customer also uses, are not enough.
 */
class ExclusiveChoicesTest {
    private static final long CAMPAIGN_CARD = 99;
    private static final long[] OWN_PROMPTS = {21, 22, 23};

    private static final AttributeKind[] CARD = {AttributeKind.PAYMENT};

    private final GraphFixture g = new GraphFixture();
    private final List<AccountState> core = new ArrayList<>();

    @BeforeEach
    void campaignCoreOnOneCard() {
        // Four members on one card; members i and i+1 share own prompt i, so each prompt has two member holders.
        for (int i = 0; i < 4; i++) {
            AccountState a = account(CAMPAIGN_CARD);
            for (int k = 0; k < 12; k++) {
                long prompt = OWN_PROMPTS[(i + k % 2 + 2) % 3];
                send(a, prompt, k % 5 != 1 && k % 5 != 3);
            }
            core.add(a);
        }
    }

    private AccountState account(long card) {
        return g.account(CARD, card);
    }

    /** One call with a system prompt, recorded as the detector does (a shared system prompt is a recent value). */
    private void send(AccountState s, long systemPrompt, boolean tell) {
        InteractionFeatures f = tell ? g.cot : g.plain;
        s.observe(f, g.clock, null, false);
        Posting p = g.graph.attach(AttributeKind.SYSTEM, systemPrompt, s.index, g.clock++);
        p.addContent(f, g.clock, g.graph.lastSlot);
        s.addRecent(p.key);
    }

    /** An account on its own card sending {@code calls} calls cycling over the prompts, tells in 60% of them. */
    private AccountState camouflaged(long card, int calls, long... prompts) {
        AccountState a = account(card);
        for (int k = 0; k < calls; k++) {
            send(a, prompts[k % prompts.length], k % 5 != 1 && k % 5 != 3);
        }
        return a;
    }

    /**
     * Graph passes as the detector runs them, ten minutes of traffic apart (every account keeps calling with its
     * prompts, so they are re-tested once the campaign exists); a new member's cards are re-tested at the next pass.
     */
    private void passes() {
        for (int pass = 1; pass <= 4; pass++) {
            if (pass > 1) {
                for (int i = 0; i < g.states.size(); i++) {
                    AccountState a = g.states.get(i);
                    for (long key : a.recentAttrs) {
                        Posting p = key == 0 ? null : g.graph.postingByKey(key);
                        if (p != null) {
                            send(a, p.value, a.tells * 2 > a.n);
                        }
                    }
                }
            }
            g.pass(pass * 600_000L);
        }
    }

    @Test
    void pass_accountHoldingThreeCampaignOnlyPrompts_joinsWithoutCardOrNetwork() {
        AccountState x = camouflaged(1_001, 15, OWN_PROMPTS);
        passes();
        assertThat(core).allSatisfy(a -> assertThat(a.campaign).isNotNegative());
        assertThat(x.campaign).isEqualTo(g.graph.campaign(core.get(0).campaign).id);
    }

    @Test
    void pass_onlyTwoCampaignOnlyPrompts_staysOut() {
        AccountState x = camouflaged(1_001, 15, OWN_PROMPTS[0], OWN_PROMPTS[1]);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(x.campaign).isNegative();
    }

    @Test
    void pass_promptsAlsoUsedByAnOrdinaryCustomer_areNotExclusive() {
        // A customer with 30 calls and a single tell uses the same three prompts: they are stock prompts, not the
        // operator's own, and holding them says nothing about who runs the account.
        AccountState customer = account(2_000);
        for (int k = 0; k < 30; k++) {
            send(customer, OWN_PROMPTS[k % 3], k == 0);
        }
        AccountState x = camouflaged(1_001, 15, OWN_PROMPTS);
        passes();
        assertThat(core.get(0).campaign).isNotNegative();
        assertThat(g.graph.posting(AttributeKind.SYSTEM, OWN_PROMPTS[0]).exclusiveTo).isNegative();
        assertThat(x.campaign).isNegative();
        assertThat(customer.campaign).isNegative();
    }

    @Test
    void pass_holderWhoseOwnTrafficIsOrdinary_staysOutAndUnmarksThePrompts() {
        AccountState quiet = camouflaged(1_001, 0, OWN_PROMPTS);
        for (int k = 0; k < 15; k++) {
            send(quiet, OWN_PROMPTS[k % 3], false);
        }
        passes();
        assertThat(quiet.campaign).isNegative();
    }

    /** The young-account rule on one call of {@code a} carrying {@code prompt}, as the detector asks it. */
    private Posting youngChoice(AccountState a, long prompt) {
        send(a, prompt, false);
        Posting[] held = {g.graph.posting(AttributeKind.SYSTEM, prompt)};
        return g.graph.youngChoice(a, held, 1, g.baseline.tellRate());
    }

    @Test
    void youngChoice_newAccountsFirstCallWithAnExclusivePrompt_joinsItsCampaign() {
        passes();
        AccountState fresh = account(1_002);
        Posting prompt = youngChoice(fresh, OWN_PROMPTS[0]);
        assertThat(prompt).isNotNull();
        assertThat(g.graph.campaign(prompt.exclusiveTo)).isSameAs(g.graph.campaign(core.get(0).campaign));
    }

    @Test
    void youngChoice_promptAnOrdinaryCustomerAlsoUses_null() {
        AccountState customer = account(2_000);
        for (int k = 0; k < 30; k++) {
            send(customer, OWN_PROMPTS[k % 3], k == 0);
        }
        passes();
        assertThat(youngChoice(account(1_002), OWN_PROMPTS[0])).isNull();
    }

    @Test
    void youngChoice_establishedAccount_null() {
        passes();
        AccountState established = account(1_002);
        for (int k = 0; k < 12; k++) {
            established.observe(g.plain, g.clock++, null, false);
        }
        assertThat(youngChoice(established, OWN_PROMPTS[0])).isNull();
    }

    @Test
    void youngChoice_paraphraseSharingAnExclusivePromptsSignature_joins() {
        passes();
        // The members' prompts share one signature band (their paraphrases); it becomes exclusive like the prompts.
        long band = 77;
        for (AccountState a : core) {
            Posting p = g.graph.attach(AttributeKind.SYSTEM_BAND, band, a.index, g.clock++);
            p.addContent(g.cot, g.clock, g.graph.lastSlot);
        }
        g.pass(10 * 600_000L);
        AccountState fresh = account(1_003);
        fresh.observe(g.plain, g.clock, null, false);
        Posting[] held = {g.graph.attach(AttributeKind.SYSTEM_BAND, band, fresh.index, g.clock++)};
        Posting prompt = g.graph.youngChoice(fresh, held, 1, g.baseline.tellRate());
        assertThat(prompt).isNotNull();
        assertThat(prompt.kind).isEqualTo(AttributeKind.SYSTEM_BAND);
    }
}
