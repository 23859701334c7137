package dev.iolaus.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code iolaus bench}: the performance benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Performance benchmarks; results belong in docs/benchmarks.md with command, machine and date.",
        subcommands = {
                // One line per benchmark.
                BenchDetectCommand.class,
                BenchGatewayCommand.class,
        })
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
