package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.eval.EvalReport.AccountMetrics;
import dev.iolaus.eval.EvalReport.DetectorReport;
import org.junit.jupiter.api.Test;

class AccountMetricsTest {
    private static Fixture population() {
        Fixture f = Fixture.builder().benign("b1", "chat").benign("b2", "chat").benign("b3", "chat")
                .benign("b4", "ci").planned("c1", 8);
        for (String a : new String[] {"a1", "a2", "a3", "a4"}) {
            f.attacker(a, "c1").calls(a, 10, 20);
        }
        for (String b : new String[] {"b1", "b2", "b3", "b4"}) {
            f.calls(b, 15, 25);
        }
        return f;
    }

    @Test
    void accounts_threeOfFourAttackersAndOneOfFourBenignFlagged_giveHandComputedMetrics() {
        Scripted s = new Scripted().flagOnCall("a1", 1).flagOnCall("a2", 1).flagOnCall("a3", 2).flagOnCall("b1", 1);
        DetectorReport r = Runs.scripted(population(), s);
        AccountMetrics m = r.accounts();
        assertThat(new long[] {m.tp(), m.fp(), m.fn(), m.tn()}).containsExactly(3, 1, 1, 3);
        assertThat(m.precision()).isCloseTo(0.75, within(1e-12));
        assertThat(m.recall()).isCloseTo(0.75, within(1e-12));
        assertThat(m.f1()).isCloseTo(0.75, within(1e-12));
        assertThat(m.fpr()).isCloseTo(0.25, within(1e-12));
        assertThat(r.campaigns().get("c1").recall()).isCloseTo(0.75, within(1e-12));
        assertThat(r.archetypes().get("chat").flaggedRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(r.archetypes().get("chat").blockedRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(r.archetypes().get("ci").flaggedRate()).isZero();
        assertThat(r.archetypes().get("ci").accounts()).isEqualTo(1);
    }

    @Test
    void accounts_nothingFlagged_precisionUndefinedAndF1Zero() {
        DetectorReport r = Runs.scripted(population(), new Scripted());
        assertThat(r.accounts().precision()).isNull();
        assertThat(r.accounts().recall()).isZero();
        assertThat(r.accounts().f1()).isZero();
        assertThat(r.accounts().fpr()).isZero();
    }

    @Test
    void accounts_noAttackers_recallAndF1Undefined() {
        Fixture f = Fixture.builder().benign("b1", "chat").calls("b1", 1, 2);
        DetectorReport r = Runs.scripted(f, new Scripted().flagOnCall("b1", 1));
        assertThat(r.accounts().recall()).isNull();
        assertThat(r.accounts().f1()).isNull();
        assertThat(r.accounts().fpr()).isEqualTo(1.0);
    }
}
