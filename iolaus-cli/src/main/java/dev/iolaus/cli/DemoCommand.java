package dev.iolaus.cli;

import dev.iolaus.sim.RunSummary;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Simulator;
import dev.iolaus.sim.gen.SimulatedSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus demo}: the main job on embedded defaults. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the main job on embedded defaults and prints a summary.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "out/demo", paramLabel = "DIR",
            description = "Where the simulated traffic goes (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        // Step 1: labeled traffic of the smoke scenario (works without corpora: built-in fallback).
        SimulatedSource src = Simulator.open("smoke", SimOptions.defaults());
        SimulationWriter.Summary s = SimulationWriter.write(src, out, n -> { });
        System.out.println("iolaus demo: simulated the smoke scenario into " + out);
        RunSummary.print(System.out, src.truth(), s, src.dataOrigin());
        return 0;
    }
}
