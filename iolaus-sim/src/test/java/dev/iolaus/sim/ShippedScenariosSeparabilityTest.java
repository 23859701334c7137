package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped scenario with attackers stays at or below the threshold on every single field at scale 0.01, on the
 * real prompt corpora. The built-in fallback prompts exist so the demo runs without corpora; they are not realistic
 * enough for this bar (attack prompts are longer), so without corpora the test is skipped, and says so.
 */
class ShippedScenariosSeparabilityTest {
    @ParameterizedTest
    @ValueSource(strings = {"smoke", "hydra-2026", "feb-2026", "reseller-mix", "adaptive"})
    void shippedScenario_atScale001_noSingleFieldSeparates(String name) {
        assumeTrue(Fixtures.corpora() != null,
                "no prompt corpora (../shared/corpora): separability is checked on real corpora only");
        double scale = name.equals("smoke") ? 1 : 0.01;
        Map<String, Double> auc = Separability.of(Fixtures.open(name, scale));
        assertThat(auc).containsOnlyKeys(Separability.FIELDS);
        assertThat(auc).allSatisfy((field, v) -> assertThat(v).as(field).isLessThanOrEqualTo(Separability.THRESHOLD));
    }
}
