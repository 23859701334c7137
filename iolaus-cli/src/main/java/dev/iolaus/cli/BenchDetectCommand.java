package dev.iolaus.cli;

import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.ScenarioLoader;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code iolaus bench detect}: end-to-end detection throughput from a {@code .jsonl.gz} file, against merely parsing
 * the same file, in one run; and the detector's state per account. Parse-only runs on one thread; detection on two
 * (see {@link DetectReplay}) unless {@code --single-thread}.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Measures, in one run on the same .jsonl.gz file: parse-only rate (one thread), parse+detect",
            "rate (the iolaus detector, account events merged in event time; a reader thread parses and extracts",
            "features, the calling thread updates the graph) and detector state per active account. Each rate is",
            "measured after a warm-up pass of the same kind; the cold parse+detect pass is reported as well.",
            "Without --events it first simulates --scenario at --scale into a temporary directory."})
final class BenchDetectCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print the results as JSON on standard output (progress goes to stderr).")
    boolean json;

    @Option(names = "--events", paramLabel = "FILE", description = "interactions .jsonl(.gz) to replay.")
    Path events;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "account events .jsonl(.gz) (default: accounts.jsonl.gz next to --events, when present).")
    Path accounts;

    @Option(names = "--scenario", defaultValue = "hydra-2026", description = "Scenario to simulate when no --events "
            + "(default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--scale", defaultValue = "0.02", description = "Scale of the simulated file (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", description = "Simulation seed (default: the scenario's).")
    Long seed;

    @Option(names = "--corpora", paramLabel = "DIR", description = "Prompt corpora for the simulation.")
    Path corpora;

    @Option(names = "--single-thread", description = "Detect on one thread (parse, features and graph in turn) "
            + "instead of the two-thread pipeline (reader+features, graph).")
    boolean singleThread;

    @Option(names = "--ipintel", paramLabel = "DIR", description = "IP intelligence directory (default: "
            + "../shared/ipintel when present).")
    Path ipintel;

    @Override
    public Integer call() throws Exception {
        java.io.PrintStream log = json ? System.err : System.out;
        Path file = events;
        Path acc = accounts;
        if (file == null) {
            Path dir = Files.createTempDirectory("iolaus-bench-detect");
            log.printf(Locale.ROOT, "simulating %s at scale %s into %s...%n", scenario, scale, dir);
            SimulationWriter.write(Simulator.open(ScenarioLoader.load(scenario),
                    new SimOptions(scale, seed, corpora, ipintel)), dir, n -> { });
            file = dir.resolve(SimulationWriter.INTERACTIONS);
            acc = dir.resolve(SimulationWriter.ACCOUNTS);
        } else if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("--events " + file + ": not a readable file");
        }
        if (acc == null && file.getParent() != null && Files.isReadable(file.resolveSibling(SimulationWriter.ACCOUNTS))) {
            acc = file.resolveSibling(SimulationWriter.ACCOUNTS);
        }
        List<AccountEvent> lifecycle = new ArrayList<>();
        if (acc != null) {
            try (JsonlReader<AccountEvent> r = JsonlReader.open(acc, EventCodecs.ACCOUNT_EVENT)) {
                r.forEach(lifecycle::add);
            }
            lifecycle.sort(Comparator.comparingLong(AccountEvent::timeMs));
        }
        IpIntel intel = ipIntel();

        log.println("warm-up: parse-only pass...");
        parseOnly(file);
        log.println("measuring parse-only...");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = parseOnly(file);
        double parseSecs = (System.nanoTime() - t0) / 1e9;
        double parseCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        // The detect pass is warmed up like the parse-only pass above: both rates are steady-state rates, so that
        // the ratio compares work, not how much of each side the JIT compiles inside its measured window. The cold
        // pass (a throwaway detector, the same file) is reported too.
        log.println("warm-up: parse+detect pass (reported as detect_cold_per_s)...");
        long tc = System.nanoTime();
        DetectReplay warm = new DetectReplay(new IolausDetector(new DetectorContext(intel, Map.of())), lifecycle,
                Findings.NONE);
        long mc = singleThread ? warm.singleThread(file) : warm.pipelined(file);
        double coldSecs = (System.nanoTime() - tc) / 1e9;
        warm = null;
        usedAfterGc();
        log.println("measuring parse+detect...");
        IolausDetector d = new IolausDetector(new DetectorContext(intel, Map.of()));
        long t1 = System.nanoTime();
        DetectReplay replay = new DetectReplay(d, lifecycle, Findings.NONE);
        long m = singleThread ? replay.singleThread(file) : replay.pipelined(file);
        double detectSecs = (System.nanoTime() - t1) / 1e9;
        long summed = d.stateBytes();
        int accountsSeen = Math.max(1, d.accounts());
        // Heap measured too: retained after GC with the detector alive, minus after it is dropped.
        long withDetector = usedAfterGc();
        int campaigns = d.campaigns().size();
        double detectorCpu = replay.detectorCpuNanos() / 1e9;
        double readerCpu = replay.readerCpuNanos() / 1e9;
        d = null;
        replay = null;
        long without = usedAfterGc();

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file.toString());
        r.put("interactions", m);
        r.put("account_events", lifecycle.size());
        r.put("parse_only_per_s", Math.round(n / parseSecs));
        r.put("detect_per_s", Math.round(m / detectSecs));
        r.put("ratio", Math.round(1000.0 * (m / detectSecs) / (n / parseSecs)) / 1000.0);
        r.put("detect_cold_per_s", Math.round(mc / coldSecs));
        r.put("ratio_cold", Math.round(1000.0 * (mc / coldSecs) / (n / parseSecs)) / 1000.0);
        r.put("state_bytes_per_account", summed / accountsSeen);
        r.put("heap_bytes_per_account", Math.max(0, withDetector - without) / accountsSeen);
        r.put("accounts", accountsSeen);
        r.put("campaigns", campaigns);
        r.put("ip_intel", intel.configured());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("detect_threads", singleThread ? 1 : 2);
        // CPU seconds per thread: on a loaded machine they say which side of the pipeline limits it.
        r.put("parse_s", Math.round(parseSecs * 10) / 10.0);
        r.put("parse_cpu_s", Math.round(parseCpu * 10) / 10.0);
        r.put("detect_s", Math.round(detectSecs * 10) / 10.0);
        r.put("detector_cpu_s", Math.round(detectorCpu * 10) / 10.0);
        r.put("reader_cpu_s", Math.round(readerCpu * 10) / 10.0);
        StringBuilder sb = new StringBuilder("{");
        r.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                .append(v instanceof String s ? '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : v));
        System.out.println(sb.append('}'));
        return 0;
    }

    private static long parseOnly(Path file) {
        long n = 0;
        try (JsonlReader<Interaction> r = JsonlReader.open(file, EventCodecs.INTERACTION)) {
            for (Interaction i : r) {
                if (i.timeMs() != Long.MIN_VALUE) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private IpIntel ipIntel() {
        Path dir = ipintel != null ? ipintel : Path.of("..", "shared", "ipintel");
        if (!Files.isDirectory(dir)) {
            if (ipintel != null) {
                throw new IllegalArgumentException("--ipintel " + ipintel + ": no such directory");
            }
            return IpIntel.NONE;
        }
        IpIntelConfig cfg = IpIntelConfig.fromDirectory(dir);
        return cfg.empty() ? IpIntel.NONE : FileIpIntel.load(cfg);
    }
}
