package dev.iolaus.cli;

import dev.iolaus.sim.ProgressBar;
import dev.iolaus.sim.RunSummary;
import dev.iolaus.sim.ScenarioLoader;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Simulator;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus simulate}: writes labeled traffic of a scenario to a directory. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generates labeled traffic of a scenario: interactions.jsonl.gz, accounts.jsonl.gz, truth.json.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "Built-in scenario (smoke, hydra-2026, feb-2026, benign-lookalikes, reseller-mix, adaptive) "
                    + "or a scenario YAML file.")
    String scenario;

    @Option(names = "--scale", defaultValue = "1", description = "Shrinks accounts and interactions, keeping ratios "
            + "(default ${DEFAULT-VALUE}; 0.01 runs in seconds).")
    double scale;

    @Option(names = "--seed", description = "Random seed (default: the scenario's). Same seed, same bytes.")
    Long seed;

    @Option(names = "--corpora", paramLabel = "DIR", description = "Prompt corpora directory (default: IOLAUS_CORPORA, "
            + "else ../shared/corpora when it exists, else a small built-in corpus).")
    Path corpora;

    @Option(names = "--ipintel", paramLabel = "DIR", description = "IP data directory with asn-ipv4.csv.gz "
            + "(default: ../shared/ipintel when it exists, else built-in ranges).")
    Path ipintel;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required unless --dry-run).")
    Path out;

    @Option(names = "--dry-run", description = "Generate and count only, write nothing (measures generation alone).")
    boolean dryRun;

    @Override
    public Integer call() {
        if (out == null && !dryRun) {
            throw new IllegalArgumentException("--out DIR is required (or --dry-run)");
        }
        ScenarioSpec spec = ScenarioLoader.load(scenario);
        long t0 = System.nanoTime();
        SimulatedSource src = Simulator.open(spec, new SimOptions(scale, seed, corpora, ipintel));
        ProgressBar bar = new ProgressBar(System.err, src.plannedInteractions(), "interactions");
        SimulationWriter.Summary s = dryRun ? SimulationWriter.count(src, bar::update)
                : SimulationWriter.write(src, out, bar::update);
        bar.finish();
        double secs = (System.nanoTime() - t0) / 1e9;
        RunSummary.print(System.out, src.truth(), s, src.dataOrigin());
        System.out.printf(Locale.ROOT, "%s in %.1fs (%,.0f interactions/s)%n", dryRun ? "generated (dry run)" : "wrote " + out,
                secs, s.interactions() / secs);
        return 0;
    }
}
