package dev.iolaus.sim;

import dev.iolaus.sim.gen.IpCatalog;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.scenario.ScenarioSpec;
import dev.iolaus.sim.text.Corpora;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry point of the simulator: opens a scenario as a lazy, deterministic {@link EventSource} with enforcement
 * feedback. Corpora and IP data are loaded once per process and shared by later runs.
 */
public final class Simulator {
    private static final Map<String, Corpora> CORPORA = new HashMap<>();

    private Simulator() {
    }

    /** Opens a scenario by name or path with the given options. */
    public static SimulatedSource open(String scenario, SimOptions opts) {
        return open(ScenarioLoader.load(scenario), opts);
    }

    /** Opens a loaded scenario. The returned source is single-threaded: one consumer calls next and onBlocked. */
    public static SimulatedSource open(ScenarioSpec spec, SimOptions opts) {
        long seed = opts.seed() != null ? opts.seed() : spec.seed();
        return SimulatedSource.open(spec, opts.scale(), seed, corpora(opts.corpora()), IpCatalog.resolve(opts.ipintel()));
    }

    /** The corpora a run with this option uses (resolved and cached). */
    public static synchronized Corpora corpora(Path dir) {
        String key = dir == null ? "<default>" : dir.toAbsolutePath().normalize().toString();
        return CORPORA.computeIfAbsent(key, k -> Corpora.resolve(dir));
    }

    /** The IP catalog a run with this option uses (resolved and cached). */
    public static IpCatalog ipCatalog(Path dir) {
        return IpCatalog.resolve(dir);
    }
}
