package dev.iolaus.eval;

import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.sim.Separability;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.Simulator;
import dev.iolaus.sim.Truth;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** The inputs {@code iolaus eval} can score detectors on: a scenario, a simulate output, or a foreign labelled log. */
public final class Streams {
    private Streams() {
    }

    /** A simulated scenario: every open runs the simulator afresh with the same spec and options (same seed). */
    public static StreamFactory scenario(ScenarioSpec spec, SimOptions options) {
        return () -> Simulator.open(spec, options);
    }

    /**
     * The output directory of {@code iolaus simulate}. Rejected lines of the first pass go to {@code quarantine};
     * later passes read the same files and only count them.
     */
    public static StreamFactory events(Path dir, Quarantine quarantine) {
        Truth truth = ReplaySource.truthOf(dir);
        boolean[] first = {true};
        return () -> {
            Quarantine q = first[0] ? quarantine : Quarantine.counting();
            first[0] = false;
            return new ReplaySource(dir, truth, q);
        };
    }

    /** A foreign JSONL log with a label field (read once into memory, sorted by time). */
    public static StreamFactory labelledLog(Path file, FieldMapping mapping, Quarantine quarantine) {
        return LabelledLog.read(file, mapping, quarantine);
    }

    /** The simulator's separability check, mapping addresses to ASNs with the given ipintel directory (or default). */
    public static Supplier<SeparabilityProbe> separability(Path ipintel) {
        return () -> {
            Separability s = new Separability(Simulator.ipCatalog(ipintel)::asnOf);
            return new SeparabilityProbe() {
                @Override
                public void accept(SimEvent event) {
                    s.accept(event);
                }

                @Override
                public Map<String, Double> result(Truth truth) {
                    return s.result(truth);
                }
            };
        };
    }
}
