package dev.iolaus.cli;

import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.engine.EngineOptions;
import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.server.analyze.Analysis;
import dev.iolaus.server.analyze.Analyzer;
import dev.iolaus.server.analyze.CampaignSummary;
import dev.iolaus.server.analyze.EventFiles;
import dev.iolaus.server.analyze.Policies;
import dev.iolaus.server.report.Reports;
import dev.iolaus.server.stix.StixExport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iolaus analyze}: a retro-hunt over historical logs, printing the campaigns found and writing the report. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Retro-hunt over historical logs: campaigns found, report, optional STIX bundle.",
        description = {"Retro-hunt: replays historical interaction logs (and account events) through the detectors and",
                "the policy, prints the campaigns found and writes campaigns.md, campaigns.html and campaigns.json",
                "(and stix-bundle.json with --stix) into the report folder. Invalid lines go to",
                "<report>/quarantine.jsonl."})
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INTERACTIONS", description = "interactions, .jsonl or .jsonl.gz, time-ordered")
    Path interactions;

    @Option(names = "--accounts", paramLabel = "FILE", description = "account events (.jsonl[.gz]), time-ordered")
    Path accounts;

    @Option(names = "--map", paramLabel = "SPEC",
            description = "read a foreign log with this field mapping, e.g. account=user.id,time=ts,prompt=input")
    String map;

    @Option(names = "--detectors", paramLabel = "NAMES", split = ",",
            description = "detectors to run (default: iolaus when registered, else every available one)")
    List<String> detectors = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE", description = "policy YAML (default: policies/default.yaml)")
    Path policy;

    @Option(names = "--ipintel", paramLabel = "DIR",
            description = "IP intelligence folder (asn-ipv4.csv.gz, datacenter-ipv4.txt, ...); none: enrichment skipped")
    Path ipintel;

    @Option(names = "--report", paramLabel = "DIR", required = true, description = "folder for the report files")
    Path report;

    @Option(names = "--stix", description = "also write stix-bundle.json (STIX 2.1) with the campaigns' indicators")
    boolean stix;

    @Override
    public Integer call() throws Exception {
        run(System.out, System.err);
        return 0;
    }

    /** Runs the retro-hunt, prints the campaigns and writes the report; returns the analysis (the demo reuses it). */
    Analysis run(PrintStream out, PrintStream err) throws Exception {
        for (Path p : accounts == null ? List.of(interactions) : List.of(interactions, accounts)) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such file: " + p);
            }
        }
        Policy pol = Policies.load(policy);
        DetectorRegistry registry = Detectors.registry();
        List<String> names = Analyzer.resolveDetectors(registry, detectors, note -> err.println("iolaus analyze: " + note));
        IpIntel intel = ipintel == null ? IpIntel.NONE : FileIpIntel.load(IpIntelConfig.fromDirectory(ipintel));
        if (!intel.configured()) {
            err.println("iolaus analyze: no IP intelligence configured (--ipintel); network enrichment skipped");
        }
        Files.createDirectories(report);
        Path qfile = report.resolve("quarantine.jsonl");
        long started = System.nanoTime();
        Analysis a;
        try (Quarantine q = Quarantine.toFile(qfile)) {
            Analyzer.Options o = new Analyzer.Options(new EventFiles(interactions, accounts, map), names, pol,
                    policy == null ? "policies/default.yaml (built in)" : policy.toString(),
                    new DetectorContext(intel, Map.of()), EngineOptions.DEFAULT);
            a = Analyzer.run(registry, o, q, n -> err.printf("iolaus analyze: %,d events replayed (%.0f s)%n", n,
                    (System.nanoTime() - started) / 1e9));
        }
        double secs = (System.nanoTime() - started) / 1e9;
        out.printf("read %s: %s%n", interactions.getFileName(), a.counts().interactions());
        if (accounts != null) {
            out.printf("read %s: %s%n", accounts.getFileName(), a.counts().accounts());
        }
        long quarantined = a.counts().interactions().quarantined() + a.counts().accounts().quarantined();
        if (quarantined > 0) {
            out.printf("quarantined %,d invalid lines -> %s%n", quarantined, qfile);
        } else {
            Files.deleteIfExists(qfile);
        }
        out.printf("detectors: %s; policy: %s; %,d events in %.1f s; interactions from %s to %s%n",
                String.join(", ", a.detectors()), a.policy(), a.stats().interactions() + a.stats().accountEvents(),
                secs, a.from(), a.to());
        out.printf("%d campaigns, %d accounts flagged, %d decisions (%d cauterized accounts)%n", a.campaigns().size(),
                a.flagged().size(), a.decisions().size(), a.stats().cauterized());
        for (CampaignSummary s : a.campaigns()) {
            Campaign c = s.campaign();
            String top = c.evidence().stream().max((x, y) -> Double.compare(x.weight(), y.weight()))
                    .map(Evidence::text).orElse("no evidence given");
            out.printf("  %s  accounts=%d interactions=%d output_tokens=%d window=%s..%s score=%.2f%n    %s%n",
                    c.id(), c.accounts().size(), c.interactions(), c.outputTokens(), c.firstSeen(), c.lastSeen(),
                    c.score(), top);
        }
        for (Path p : Reports.write(a, report)) {
            out.println("wrote " + p);
        }
        if (stix) {
            out.println("wrote " + StixExport.write(a, report));
        }
        return a;
    }
}
