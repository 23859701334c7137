package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.sim.gen.SimulatedSource;
import org.junit.jupiter.api.Test;

class ScaleTest {
    private record Counts(long benignAccounts, long attackAccounts, long benignCalls, long attackCalls) {
    }

    private static Counts run(double scale) {
        SimulatedSource src = Fixtures.open("smoke", scale);
        Truth truth = src.truth();
        long ba = truth.accounts().values().stream().filter(a -> !a.attacker()).count();
        long aa = truth.accounts().values().stream().filter(a -> a.attacker() && !a.reserve()).count();
        long bc = 0;
        long ac = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c) {
                if (truth.accounts().get(c.interaction().accountId()).attacker()) {
                    ac++;
                } else {
                    bc++;
                }
            }
        }
        return new Counts(ba, aa, bc, ac);
    }

    @Test
    void scale_halved_halvesAccountsAndCampaignWorkKeepingRatios() {
        Counts full = run(0.5);
        Counts half = run(0.25);
        assertThat(half.attackAccounts() * 2.0).isCloseTo(full.attackAccounts(), within(2.0));
        assertThat(half.benignAccounts() * 2.0).isCloseTo(full.benignAccounts(), within(full.benignAccounts() * 0.05));
        assertThat(half.attackCalls() * 2.0).isCloseTo(full.attackCalls(), within(2.0));
        double ratioFull = full.attackCalls() / (double) (full.attackCalls() + full.benignCalls());
        double ratioHalf = half.attackCalls() / (double) (half.attackCalls() + half.benignCalls());
        // benign volume is a heavy-tailed draw per account, so the mix only holds approximately
        assertThat(ratioHalf).isCloseTo(ratioFull, within(0.12));
    }

    @Test
    void campaign_plannedInteractions_areExactlyEmittedWithoutEnforcement() {
        SimulatedSource src = Fixtures.open("smoke", 0.1);
        long planned = src.truth().campaigns().values().stream().mapToLong(Truth.CampaignTruth::plannedInteractions).sum();
        long attack = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c && src.truth().accounts().get(c.interaction().accountId()).attacker()) {
                attack++;
            }
        }
        assertThat(planned).isEqualTo(2000);
        assertThat(attack).isEqualTo(planned);
    }
}
