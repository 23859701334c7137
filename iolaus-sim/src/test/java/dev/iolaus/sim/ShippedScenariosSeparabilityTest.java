package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iolaus.sim.gen.IpCatalog;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.text.Corpora;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped scenario with attackers stays at or below the threshold on every single field at scale 0.01: on the
 * real prompt corpora (when the machine has them), and on the built-in fallback prompts the demo uses without them.
 */
class ShippedScenariosSeparabilityTest {
    @ParameterizedTest
    @ValueSource(strings = {"smoke", "hydra-2026", "feb-2026", "reseller-mix", "adaptive"})
    void shippedScenario_onRealCorpora_noSingleFieldSeparates(String name) {
        assumeTrue(Fixtures.corpora() != null, "no prompt corpora (../shared/corpora); the built-in case still runs");
        assertNoFieldSeparates(Fixtures.open(name, scale(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smoke", "hydra-2026", "feb-2026", "reseller-mix", "adaptive"})
    void shippedScenario_onBuiltInPrompts_noSingleFieldSeparates(String name) {
        assertNoFieldSeparates(SimulatedSource.open(ScenarioLoader.load(name), scale(name), 1, Corpora.builtIn(),
                IpCatalog.resolve(null)));
    }

    private static double scale(String name) {
        return name.equals("smoke") ? 1 : 0.01;
    }

    private static void assertNoFieldSeparates(SimulatedSource src) {
        Map<String, Double> auc = Separability.of(src);
        assertThat(auc).containsOnlyKeys(Separability.FIELDS);
        assertThat(auc).allSatisfy((field, v) -> assertThat(v).as(field).isLessThanOrEqualTo(Separability.THRESHOLD));
    }
}
