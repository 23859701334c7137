package dev.iolaus.server.analyze;

import dev.iolaus.detect.engine.Engine;
import dev.iolaus.detect.engine.EngineListener;
import dev.iolaus.detect.engine.EngineOptions;
import dev.iolaus.detect.policy.AttributeExtractor;
import dev.iolaus.detect.policy.Cauterizer;
import dev.iolaus.detect.policy.Cidrs;
import dev.iolaus.detect.policy.DefaultAttributeExtractor;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Runs a retro-hunt: replays files through the engine with the chosen detectors and policy, and sums it up. */
public final class Analyzer {
    /** The detector {@code iolaus analyze} runs when none is named. */
    public static final String DEFAULT_DETECTOR = "iolaus";

    private Analyzer() {
    }

    /**
     * What to run.
     *
     * @param files the input files
     * @param detectors detector names, resolved against the registry
     * @param policy the policy
     * @param policySource where the policy came from, for the report
     * @param context detector construction context (IP intel, options)
     * @param engine engine options
     */
    public record Options(EventFiles files, List<String> detectors, Policy policy, String policySource,
                          DetectorContext context, EngineOptions engine) {
    }

    /**
     * The detectors to run: the requested ones (each must be registered), or {@value #DEFAULT_DETECTOR} when none is
     * requested and it is registered, else every registered detector but {@code null}, saying so through
     * {@code notes}.
     */
    public static List<String> resolveDetectors(DetectorRegistry registry, List<String> requested,
                                                Consumer<String> notes) {
        if (requested != null && !requested.isEmpty()) {
            for (String name : requested) {
                if (!registry.names().contains(name)) {
                    throw new IllegalArgumentException("unknown detector '" + name + "' (known: "
                            + String.join(", ", registry.names()) + ")");
                }
            }
            return List.copyOf(requested);
        }
        if (registry.names().contains(DEFAULT_DETECTOR)) {
            return List.of(DEFAULT_DETECTOR);
        }
        List<String> available = registry.names().stream().filter(n -> !n.equals("null")).toList();
        notes.accept("detector '" + DEFAULT_DETECTOR + "' is not registered yet; running the available ones: "
                + String.join(", ", available));
        return available;
    }

    /** Replays the files and returns the analysis; invalid lines go to {@code quarantine}. */
    public static Analysis run(DetectorRegistry registry, Options o, Quarantine quarantine, LongConsumer progress) {
        List<Detector> detectors = new ArrayList<>();
        AttributeExtractor extractor = new DefaultAttributeExtractor();
        for (String name : o.detectors()) {
            Detector d = registry.create(name, o.context());
            detectors.add(d);
            // A detector with richer features (template signatures) lends them to cauterization.
            if (d instanceof AttributeExtractor x) {
                extractor = extractor.andThen(x);
            }
        }
        Engine engine = new Engine(detectors, o.policy(), extractor, o.engine());
        List<Decision> decisions = new ArrayList<>();
        Map<String, Double> flagged = new HashMap<>();
        engine.addListener(new EngineListener() {
            @Override
            public void onDecision(Decision d) {
                decisions.add(d);
            }

            @Override
            public void onFinding(AccountFinding f) {
                flagged.merge(f.accountId(), f.score(), Math::max);
            }
        });
        EventFiles.Counts counts = o.files().replay(engine, quarantine, progress);
        List<String> inputs = new ArrayList<>();
        inputs.add(o.files().interactions().getFileName().toString());
        if (o.files().accounts() != null) {
            inputs.add(o.files().accounts().getFileName().toString());
        }
        return new Analysis(inputs, o.detectors(), o.policySource(), counts, Instant.ofEpochMilli(counts.firstMs()),
                Instant.ofEpochMilli(counts.lastMs()), engine.stats(), summaries(engine, decisions), flagged,
                decisions);
    }

    /** One summary per campaign the engine knows (dissolved ones left out), largest first (ties by id). */
    public static List<CampaignSummary> summaries(Engine engine, List<Decision> decisions) {
        Map<String, List<Decision>> byCampaign = new HashMap<>();
        for (Decision d : decisions) {
            if (d.evidenceRef() != null && d.evidenceRef().startsWith("campaign:")) {
                byCampaign.computeIfAbsent(d.evidenceRef().substring("campaign:".length()), k -> new ArrayList<>())
                        .add(d);
            }
        }
        List<CampaignSummary> out = new ArrayList<>();
        for (Campaign c : engine.campaigns().values()) {
            if (c.accounts().isEmpty()) {
                continue;    // dissolved by its detector: nothing left to report
            }
            Map<String, Integer> prefixes = new HashMap<>();
            Map<String, Map<String, Integer>> attrs = new TreeMap<>();
            for (String member : c.accounts()) {
                String prefix = Cidrs.prefix(engine.accounts().account(member).lastIp(), 24);
                if (prefix != null) {
                    prefixes.merge(prefix, 1, Integer::sum);
                }
                for (StrongAttribute a : engine.accounts().attributes(member)) {
                    attrs.computeIfAbsent(a.kind(), k -> new HashMap<>()).merge(a.value(), 1, Integer::sum);
                }
            }
            Map<String, Map<String, Integer>> sortedAttrs = new LinkedHashMap<>();
            attrs.forEach((k, v) -> sortedAttrs.put(k, mostFirst(v)));
            List<Decision> ds = byCampaign.getOrDefault(c.id(), List.of());
            List<String> cauterized = ds.stream().filter(d -> d.reason() != null
                    && d.reason().startsWith(Cauterizer.NAME + ":")).map(Decision::value).distinct().toList();
            out.add(new CampaignSummary(c, mostFirst(prefixes), sortedAttrs, ds, cauterized));
        }
        out.sort(Comparator.comparingInt((CampaignSummary s) -> -s.campaign().accounts().size())
                .thenComparing(CampaignSummary::id));
        return out;
    }

    private static Map<String, Integer> mostFirst(Map<String, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
