package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.Detectors;
import dev.iolaus.eval.EvalReport.DetectorReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleDetectorTest {
    @Test
    void oracle_flagsEveryAttackerAtItsFirstInteraction_andNoBenignAccount() {
        Fixture f = Fixture.builder().planned("c1", 6)
                .attacker("a1", "c1").calls("a1", 0, 10, 20).attacker("a2", "c1").calls("a2", 5, 15, 25)
                .reserve("r1", "c1").calls("r1", 1, 2)
                .benign("b1", "chat").calls("b1", 3, 30);
        EvalHarness h = new EvalHarness(Detectors.registry(), EvalOptions.defaults());
        assertThat(h.names()).endsWith("oracle");
        DetectorReport r = h.run(f, List.of("oracle")).report().detectors().get("oracle");
        assertThat(r.accounts().precision()).isEqualTo(1.0);
        assertThat(r.accounts().recall()).isEqualTo(1.0);
        assertThat(r.accounts().fpr()).isZero();
        // Each attacker account is served its first call only; reserves activate and are caught at their first.
        assertThat(r.campaigns().get("c1").servedInteractions()).isEqualTo(3);
        assertThat(r.campaigns().get("c1").firstFlagS()).isEqualTo(0.0);
        assertThat(r.campaigns().get("c1").reservesBlockedFirst()).isEqualTo(1.0);
        assertThat(r.averagePrecision()).isEqualTo(1.0);
    }

    @Test
    void harness_unknownDetector_isRejectedWithTheKnownNames() {
        EvalHarness h = new EvalHarness(Detectors.registry(), EvalOptions.defaults());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.run(Fixture.builder(), List.of("nope")))
                .hasMessageContaining("unknown detector 'nope'").hasMessageContaining("rate-limit, ");
    }
}
