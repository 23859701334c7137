package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeparabilityTest {
    private static Map<String, Double> check(String yaml) {
        return Separability.of(Simulator.open(Fixtures.yaml(yaml), Fixtures.options(1)));
    }

    @Test
    void trivialScenario_uniqueUserAgent_failsTheCheck() {
        Map<String, Double> auc = check(Fixtures.tiny("    clients: {\"distill-bot/1.0\": 1.0}\n"));
        assertThat(auc.get("user_agent")).isGreaterThan(Separability.THRESHOLD);
    }

    @Test
    void trivialScenario_freshAccountsOnly_failsOnAccountAge() {
        Map<String, Double> auc = check(Fixtures.tiny("").replace("created_from_day: -100, created_to_day: 0, recent: 0.3",
                "created_from_day: -2, created_to_day: -1"));
        assertThat(auc.get("account_age")).isGreaterThan(Separability.THRESHOLD);
    }

    @Test
    void auc_perfectAndRandomRankings() {
        assertThat(Separability.auc(new double[] {1, 2, 3, 4}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
        assertThat(Separability.auc(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true})).isEqualTo(0.5);
    }

    @Test
    void noAttackers_givesNoFields() {
        assertThat(check(Fixtures.tiny("").replaceAll("(?s)campaigns:.*", "campaigns: []\n"))).isEmpty();
    }
}
