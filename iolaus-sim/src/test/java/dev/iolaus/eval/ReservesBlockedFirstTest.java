package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.eval.EvalReport.CampaignMetrics;
import org.junit.jupiter.api.Test;

class ReservesBlockedFirstTest {
    @Test
    void reserves_blockedAtSignupCountAsBlockedFirst_blockedLaterDoNot() {
        Fixture f = Fixture.builder().planned("c1", 10)
                .attacker("a1", "c1").calls("a1", 0, 10)
                .reserve("r1", "c1").calls("r1", 1, 5)
                .reserve("r2", "c1").calls("r2", 2, 6)
                .reserve("r3", "c1").calls("r3", 3)
                .reserve("r4", "c1").calls("r4", 4)
                .benign("b1", "chat").calls("b1", 1);
        // a1 blocked at 0 s activates r1, r2; r1, blocked at its signup (before any request), activates r3, r4;
        // r2 is blocked on its 2nd call; r3 and r4 are never blocked. Activated: 4, blocked first: r1.
        Scripted s = new Scripted().flagOnCall("a1", 1).flagOnSignup("r1").flagOnCall("r2", 2);
        CampaignMetrics c = Runs.scripted(f, s).campaigns().get("c1");
        assertThat(c.reservesBlockedFirst()).isCloseTo(1 / 4.0, within(1e-12));
        assertThat(c.accounts()).isEqualTo(5);
        assertThat(c.recall()).isCloseTo(3 / 5.0, within(1e-12));
    }
}
