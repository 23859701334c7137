package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.sim.gen.SimulatedSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostedCampaignTest {
    @Test
    void resellerMix_hostedAttackers_carryTheirShareUnderTheResellersAccount() {
        SimulatedSource src = Fixtures.open("reseller-mix", 0.01);
        Truth truth = src.truth();
        String reseller = truth.campaigns().get("reseller-5pct").accounts().getFirst();
        assertThat(truth.accounts().get(reseller).label()).isEqualTo("reseller");
        assertThat(truth.accounts().get(reseller).attacker()).isFalse();
        Map<String, Long> byLabel = new HashMap<>();
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c && c.interaction().accountId().equals(reseller)) {
                byLabel.merge(src.labelOf(c.interaction().eventId()), 1L, Long::sum);
            }
        }
        long total = byLabel.values().stream().mapToLong(Long::longValue).sum();
        assertThat(byLabel.get("reseller-5pct") / (double) total).isBetween(0.045, 0.055);
        assertThat(byLabel.get("reseller-10pct") / (double) total).isBetween(0.095, 0.105);
        assertThat(byLabel.get("reseller") / (double) total).isBetween(0.84, 0.86);
    }
}
