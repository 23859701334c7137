package dev.iolaus.cli;

import dev.iolaus.detect.policy.Policy;
import dev.iolaus.eval.EvalRegistry;
import dev.iolaus.io.policy.PolicyLoader;
import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import dev.iolaus.eval.ConsoleTable;
import dev.iolaus.eval.EvalHarness;
import dev.iolaus.eval.EvalOptions;
import dev.iolaus.eval.EvalResult;
import dev.iolaus.eval.ReportWriter;
import dev.iolaus.eval.StreamFactory;
import dev.iolaus.eval.Streams;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.sim.ScenarioLoader;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus eval}: scores every detector side by side on one stream, with enforcement in the loop. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a scenario (or a recorded stream, or a foreign labelled log) in event time through each "
                + "detector, with enforcement in the loop, and writes report.json, report.md and report.html.",
            "Example: iolaus eval --scenario hydra-2026 --scale 0.01 --report out/hydra"})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Scenario name (${COMPLETION-CANDIDATES}) or path to a scenario YAML file.")
    String scenario;

    @Option(names = "--events", paramLabel = "DIR|FILE",
            description = "Instead of --scenario: an 'iolaus simulate' output directory, or a foreign JSONL log "
                    + "(with --map and --label-field).")
    Path events;

    @Option(names = "--map", paramLabel = "SPEC",
            description = "Field mapping of a foreign log, e.g. account=user,time=ts,prompt=input,model=model.")
    String map;

    @Option(names = "--label-field", paramLabel = "FIELD", defaultValue = "campaign_label",
            description = "Field of a foreign log holding the campaign id (null = benign). Default: ${DEFAULT-VALUE}.")
    String labelField;

    @Option(names = "--scale", defaultValue = "1", description = "Scenario scale factor (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = "--corpora", paramLabel = "DIR", description = "Prompt corpora (default: ../shared/corpora "
            + "when present, else built-in).")
    Path corpora;

    @Option(names = "--ipintel", paramLabel = "DIR", description = "IP intelligence directory (default: "
            + "../shared/ipintel when present).")
    Path ipintel;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME",
            description = "Detectors to run, comma-separated (default: all registered, then oracle).")
    List<String> detectors;

    @Option(names = "--set", paramLabel = "DETECTOR.KEY=VALUE",
            description = "Detector option, e.g. --set rate-limit.rpm=120 (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--watermark-s", defaultValue = "60",
            description = "Event-time seconds between watermarks (default ${DEFAULT-VALUE}).")
    double watermarkS;

    @Option(names = "--quarantine", paramLabel = "FILE", description = "Where invalid input lines go (JSONL); "
            + "default: counted and reported.")
    Path quarantine;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy the iolaus detector runs under (default: the shipped policies/default.yaml).")
    Path policy;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Output directory of the report.")
    Path report;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if ((scenario == null) == (events == null)) {
            throw new IllegalArgumentException("give exactly one of --scenario or --events");
        }
        IpIntel intel = ipIntel();
        EvalOptions opts = new EvalOptions((long) (watermarkS * 1000), quiet ? null : System.err,
                Streams.separability(ipintel), intel, detectorOptions());
        Policy pol = policy == null ? PolicyLoader.defaultPolicy() : PolicyLoader.load(policy);
        EvalHarness harness = new EvalHarness(EvalRegistry.with(pol), opts);
        try (Quarantine q = quarantine == null ? Quarantine.counting() : Quarantine.toFile(quarantine)) {
            StreamFactory streams = streams(q);
            EvalResult result = harness.run(streams, detectors);
            ReportWriter.write(result, report);
            System.out.print(ConsoleTable.text(result.report()));
            System.out.println("report: " + report.resolve("report.md") + ", report.html, report.json");
        }
        return 0;
    }

    private StreamFactory streams(Quarantine q) {
        if (scenario != null) {
            ScenarioSpec spec = ScenarioLoader.load(scenario);
            return Streams.scenario(spec, new SimOptions(scale, seed, corpora, ipintel));
        }
        if (Files.isDirectory(events)) {
            return Streams.events(events, q);
        }
        if (!Files.isRegularFile(events)) {
            throw new IllegalArgumentException("--events " + events + ": no such file or directory");
        }
        if (map == null) {
            throw new IllegalArgumentException("--events FILE needs --map (how its fields map to interactions)");
        }
        return Streams.labelledLog(events, FieldMapping.parse(map).withLabelField(labelField), q);
    }

    /**
     * IP intelligence for the detectors: {@code --ipintel DIR}, else {@code ../shared/ipintel} when present, else
     * none (the report then says that ip-reputation could not work).
     */
    private IpIntel ipIntel() {
        Path dir = ipintel != null ? ipintel : Path.of("..", "shared", "ipintel");
        if (!Files.isDirectory(dir)) {
            if (ipintel != null) {
                throw new IllegalArgumentException("--ipintel " + ipintel + ": no such directory");
            }
            System.err.println("iolaus eval: no IP intelligence (no ../shared/ipintel, no --ipintel): "
                    + "detectors run without IP data");
            return IpIntel.NONE;
        }
        IpIntelConfig cfg = IpIntelConfig.fromDirectory(dir);
        if (cfg.empty()) {
            throw new IllegalArgumentException("IP intelligence directory " + dir + " holds none of the expected files "
                    + "(asn-ipv4.csv.gz, datacenter-ipv4.txt, vpn-ipv4.txt, tor-exit-ipv4.txt, ...)");
        }
        return FileIpIntel.load(cfg);
    }

    /** Groups {@code --set detector.key=value} by detector; numbers stay strings (DetectorContext parses them). */
    private Map<String, Map<String, Object>> detectorOptions() {
        Map<String, Map<String, Object>> out = new HashMap<>();
        settings.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                throw new IllegalArgumentException("--set " + k + "=" + v + ": expected DETECTOR.KEY=VALUE");
            }
            out.computeIfAbsent(k.substring(0, dot), d -> new HashMap<>()).put(k.substring(dot + 1), v);
        });
        return out;
    }
}
