package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.sim.Truth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignQualityTest {
    private static final Truth TRUTH = Fixture.builder().attacker("a1", "c1").attacker("a2", "c1")
            .attacker("a3", "c1").attacker("a4", "c1").attacker("x1", "c2").attacker("x2", "c2")
            .benign("b1", "chat").truth();
    private static final Set<String> POPULATION = TRUTH.accounts().keySet();

    @Test
    void purityAndCompleteness_mixedReports_matchHandComputedValues() {
        CampaignQuality q = CampaignQuality.of(List.of(Scripted.campaign("k1", "a1", "a2", "b1"),
                Scripted.campaign("k2", "a3", "x1"), Scripted.campaign("k3", "x1", "x2")), TRUTH, POPULATION);
        // Purity: (2 + 1 + 2) / (3 + 2 + 2); k2 ties c1/c2 and goes to c1.
        assertThat(q.purity()).isCloseTo(5 / 7.0, within(1e-12));
        // Completeness: c1 best 2/4 (k1), c2 best 2/2 (k3): mean 0.75.
        assertThat(q.completeness()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void purityAndCompleteness_trueCampaignNeverDominant_countsZero() {
        CampaignQuality q = CampaignQuality.of(List.of(Scripted.campaign("k1", "a1", "a2", "a3", "a4")), TRUTH,
                POPULATION);
        assertThat(q.purity()).isEqualTo(1.0);
        assertThat(q.completeness()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void purityAndCompleteness_nothingReported_areUndefined() {
        CampaignQuality q = CampaignQuality.of(List.of(), TRUTH, POPULATION);
        assertThat(q.purity()).isNull();
        assertThat(q.completeness()).isNull();
    }
}
