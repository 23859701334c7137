package dev.iolaus.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iolaus} command: one runnable jar, one subcommand per job. */
@Command(name = "iolaus", mixinStandardHelpOptions = true, version = "iolaus 0.1.0",
        description = "Detects and stops distillation campaigns against AI model APIs.",
        footer = {"", "Launcher commands (./iolaus only):",
                "  test           Runs the whole test suite (mvn -B verify).",
                "  build          Builds the runnable jar."},
        subcommands = {
                // One line per subcommand, in the order --help lists them.
                DemoCommand.class,
                SimulateCommand.class,
                ServeCommand.class,
                KeysCommand.class,
                UpstreamFakeCommand.class,
                BenchCommand.class,
                EvalCommand.class,
                ValidateCommand.class,
                AnalyzeCommand.class,
        })
public final class Main implements Runnable {

    /** Entry point; exits with the subcommand's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Bad input gets one clear line, not a stack trace; IOLAUS_DEBUG=1 shows the trace.
            cmd.getErr().println("iolaus " + cmd.getCommandName() + ": " + ex.getMessage());
            if (System.getenv("IOLAUS_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }

    @Override
    public void run() {
        // Bare "iolaus" prints the usage, listing every subcommand (the footer names the launcher's own).
        CommandLine.usage(this, System.out);
    }
}
