package dev.iolaus.cli;

import dev.iolaus.gateway.bench.GatewayBench;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus bench gateway}: gateway vs direct vs nginx on loopback, in bounded time. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Benchmarks the gateway on loopback against calling the fake upstream directly and against",
            "nginx reverse-proxying it: saturation (wrk), overhead at a steady rate (hey -q), streaming time to first",
            "byte. Needs the Debian packages wrk, hey and nginx (missing ones are reported and skipped).",
            "Takes about 2 minutes with the defaults."})
final class BenchGatewayCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the results as JSON on standard output (progress goes to stderr).")
    boolean json;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each measured run (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "30", description = "Warm-up seconds before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--connections", defaultValue = "50", description = "wrk connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", defaultValue = "1000", description = "Steady rate for the overhead run, req/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--engine", description = {"Also run the embedded engine on every captured call, as `iolaus serve`",
        "does (detector iolaus, default policy in shadow mode so the bench account is never refused)."})
    boolean engine;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 300 || warmup < 0 || warmup > 600 || connections < 1 || rate < 1) {
            throw new IllegalArgumentException("--seconds in [1, 300], --warmup in [0, 600], --connections >= 1, --rate >= 1");
        }
        java.io.PrintStream log = json ? System.err : System.out;
        GatewayBench b = new GatewayBench(new GatewayBench.Options(seconds, warmup, connections, rate), log,
                engine ? dev.iolaus.server.live.BenchEngines.shadowed(dev.iolaus.detect.Detectors.registry(),
                        java.util.List.of(), note -> log.println("bench gateway: " + note)) : null);
        Map<String, Object> r = b.run();
        if (json) {
            System.out.println(GatewayBench.toJson(r));
        } else {
            System.out.println(GatewayBench.toJson(r));
        }
        return 0;
    }
}
