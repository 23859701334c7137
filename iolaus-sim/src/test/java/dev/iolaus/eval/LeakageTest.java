package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.eval.EvalReport.CampaignMetrics;
import dev.iolaus.model.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakageTest {
    /** c1 plans 12 calls: a1 and a2 send 5 each (100 output tokens), reserves r1 and r2 replace a blocked account. */
    private static Fixture campaign() {
        return Fixture.builder().planned("c1", 12)
                .attacker("a1", "c1").calls("a1", 0, 10, 20, 30, 40)
                .attacker("a2", "c1").calls("a2", 5, 15, 25, 35, 45)
                .reserve("r1", "c1").call("r1", 1, 50).call("r1", 11, 50).call("r1", 21, 50)
                .reserve("r2", "c1").call("r2", 2, 50).call("r2", 12, 50)
                .benign("b1", "chat").calls("b1", 3);
    }

    @Test
    void leakage_blockStopsTheAccountAndReservesCarryOn_countsOnlyServedCalls() {
        Scripted s = new Scripted().flagOnCall("a1", 2).flagOnCall("r2", 1);
        CampaignMetrics c = Runs.scripted(campaign(), s).campaigns().get("c1");
        // Served: a1 0s and 10s (the flagging call was already served), a2 all 5, r1 all 3, r2 its first.
        assertThat(c.servedInteractions()).isEqualTo(11);
        assertThat(c.leakageInteractions()).isCloseTo(11 / 12.0, within(1e-12));
        // Planned tokens: 12 planned calls x 100 tokens per call served without enforcement = 1200.
        // Served tokens: 7 x 100 + 4 x 50 = 900.
        assertThat(c.leakageOutputTokens()).isCloseTo(0.75, within(1e-12));
        assertThat(c.accounts()).as("a1, a2 and both activated reserves").isEqualTo(4);
        assertThat(s.received().stream().filter(i -> i.accountId().equals("a1"))).hasSize(2);
    }

    @Test
    void leakage_sourceIgnoringBlocks_refusesTheBlockedAccountsLaterCalls() {
        Scripted s = new Scripted().flagOnCall("a1", 2);
        CampaignMetrics c = Runs.scripted(campaign().ignoringBlocks(), s).campaigns().get("c1");
        assertThat(c.servedInteractions()).isEqualTo(7);
        assertThat(c.leakageInteractions()).isCloseTo(7 / 12.0, within(1e-12));
        List<Interaction> refused = s.received().stream().filter(i -> i.accountId().equals("a1")).skip(2).toList();
        assertThat(refused).hasSize(3).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(403);
            assertThat(i.errorType()).isEqualTo("blocked");
            assertThat(i.usage().outputTokens()).isZero();
        });
    }

    @Test
    void leakage_nothingBlocked_servesTheWholeUnenforcedStream() {
        CampaignMetrics c = Runs.scripted(campaign(), new Scripted()).campaigns().get("c1");
        assertThat(c.servedInteractions()).isEqualTo(10);
        assertThat(c.reservesBlockedFirst()).as("no reserve activated").isNull();
    }

    @Test
    void leakage_hostedCampaign_isTheShareOfItsHostsTrafficStillServed() {
        Fixture f = Fixture.builder().benign("res", "reseller").calls("res", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
                .hosted("h", "res", 4);
        EvalReport.DetectorReport r = Runs.scripted(f, new Scripted().flagOnCall("res", 5));
        CampaignMetrics c = r.campaigns().get("h");
        assertThat(c.leakageInteractions()).isCloseTo(0.5, within(1e-12));
        assertThat(c.leakageOutputTokens()).isCloseTo(0.5, within(1e-12));
        assertThat(c.servedInteractions()).isEqualTo(2);
        assertThat(c.recall()).as("no account of its own").isNull();
        assertThat(r.archetypes().get("reseller").blockedRate()).isEqualTo(1.0);
    }

    @Test
    void leakage_hostedCampaignLabelledPerCall_countsItsOwnServedCalls() {
        // the host's own calls at 4..7 and 10; the hosted sender's at 1, 2, 3, 8, 9; blocked after the 5th call
        Fixture f = Fixture.builder().benign("res", "reseller").calls("res", 4, 5, 6, 7, 10)
                .hostedCalls("h", "res", 1, 2, 3, 8, 9);
        EvalReport.DetectorReport r = Runs.scripted(f, new Scripted().flagOnCall("res", 5));
        CampaignMetrics c = r.campaigns().get("h");
        assertThat(c.servedInteractions()).as("its calls at 1, 2 and 3").isEqualTo(3);
        assertThat(c.leakageInteractions()).isCloseTo(0.6, within(1e-12));
        assertThat(c.leakageOutputTokens()).isCloseTo(0.6, within(1e-12));
    }
}
