package dev.iolaus.eval;

import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import java.util.Map;

/**
 * Hook through which the harness feeds the unenforced reference stream to the simulator's separability check
 * ({@code dev.iolaus.sim.Separability}) and collects field to AUC.
 */
public interface SeparabilityProbe {
    /** One event of the reference stream. */
    void accept(SimEvent event);

    /** Field name to the AUC of the best one-field rule separating attack from benign accounts. */
    Map<String, Double> result(Truth truth);

    /** No separability check (reported as an empty table). */
    SeparabilityProbe NONE = new SeparabilityProbe() {
        @Override
        public void accept(SimEvent event) {
        }

        @Override
        public Map<String, Double> result(Truth truth) {
            return Map.of();
        }
    };
}
