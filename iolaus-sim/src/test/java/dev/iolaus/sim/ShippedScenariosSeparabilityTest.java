package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shipped scenario with attackers stays at or below the threshold on every single field at scale 0.01. */
class ShippedScenariosSeparabilityTest {
    @ParameterizedTest
    @ValueSource(strings = {"smoke", "hydra-2026", "feb-2026", "reseller-mix", "adaptive"})
    void shippedScenario_atScale001_noSingleFieldSeparates(String name) {
        double scale = name.equals("smoke") ? 1 : 0.01;
        Map<String, Double> auc = Separability.of(Fixtures.open(name, scale));
        assertThat(auc).containsOnlyKeys(Separability.FIELDS);
        assertThat(auc).allSatisfy((field, v) -> assertThat(v).as(field).isLessThanOrEqualTo(Separability.THRESHOLD));
    }
}
