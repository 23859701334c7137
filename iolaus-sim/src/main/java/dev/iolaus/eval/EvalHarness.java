package dev.iolaus.eval;

import dev.iolaus.detect.baseline.IpReputationDetector;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Usage;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replays one stream through each detector in turn, in event time, with enforcement in the loop, and scores them.
 *
 * <p>First a reference pass without any detector or enforcement measures what campaigns are served when nobody stops
 * them and feeds the separability check. Then each detector gets its own freshly opened, identical stream (the
 * simulator is deterministic per account, so streams only diverge where that detector's blocks make them diverge).
 * Detectors run one after another so that throughput and heap are measured for one at a time.
 */
public final class EvalHarness {
    /** Name of the truth-reading ceiling, registered by the harness on a copy of the registry. */
    public static final String ORACLE = OracleDetector.NAME;
    private static final int CHECK_EVERY = 4096;

    private final DetectorRegistry registry;
    private final EvalOptions options;
    private final AtomicReference<EventSource> current = new AtomicReference<>();

    /** A harness over the given registry (copied; {@code oracle} is added to the copy). */
    public EvalHarness(DetectorRegistry registry, EvalOptions options) {
        this.registry = registry.copy().register(ORACLE, ctx -> new OracleDetector(() -> current.get().truth()));
        this.options = options;
    }

    /** Every detector name this harness can run: the registry's, then {@code oracle}. */
    public List<String> names() {
        return registry.names();
    }

    /** Runs the reference pass and every named detector (all when the list is empty), and computes the report. */
    public EvalResult run(StreamFactory streams, List<String> detectors) {
        List<String> names = detectors == null || detectors.isEmpty() ? names() : List.copyOf(detectors);
        for (String n : names) {
            if (!registry.names().contains(n)) {
                throw new IllegalArgumentException("unknown detector '" + n + "' (known: "
                        + String.join(", ", registry.names()) + ")");
            }
        }
        Reference ref = reference(streams);
        Map<String, DetectorRun> runs = new LinkedHashMap<>();
        for (String n : names) {
            runs.put(n, runOne(n, streams));
        }
        return new EvalResult(Metrics.report(ref, runs), ref, runs);
    }

    private Reference reference(StreamFactory streams) {
        SeparabilityProbe probe = options.separability().get();
        Map<String, Long> served = new HashMap<>();
        Map<String, Long> tokens = new HashMap<>();
        Map<String, Long> byAccount = new HashMap<>();
        long events = 0;
        Progress progress = new Progress(options.progress(), "reference (no detector)");
        try (EventSource src = streams.open()) {
            SimEvent e;
            while ((e = src.next()) != null) {
                events++;
                probe.accept(e);
                if (e instanceof SimEvent.Call c && c.interaction().served()) {
                    Interaction i = c.interaction();
                    byAccount.merge(i.accountId(), 1L, Long::sum);
                    // per call, so that a campaign hosted inside another account is counted exactly
                    String campaign = campaignOf(src.truth(), i);
                    if (campaign != null) {
                        served.merge(campaign, 1L, Long::sum);
                        tokens.merge(campaign, (long) i.usage().outputTokens(), Long::sum);
                    }
                }
                if ((events & (CHECK_EVERY - 1)) == 0) {
                    progress.update(events, e.timeMs());
                }
            }
            progress.done(events);
            Truth truth = src.truth();
            return new Reference(served, tokens, byAccount, probe.result(truth), truth, events);
        }
    }

    private DetectorRun runOne(String name, StreamFactory streams) {
        Ledger ledger = new Ledger();
        List<String> notes = new ArrayList<>();
        try (EventSource src = streams.open(); HeapMeter heap = new HeapMeter()) {
            current.set(src);
            DetectorContext ctx = new DetectorContext(options.ipIntel(),
                    options.detectorOptions().getOrDefault(name, Map.of()));
            Detector detector = registry.create(name, ctx);
            if (detector instanceof IpReputationDetector ip && ip.note() != null) {
                notes.add(ip.note());
            }
            Enforcer enforcer = new Enforcer(src, (account, t) -> ledger.onBlock(account, t, src.truth()));
            Sink sink = new Sink(detector, enforcer, ledger, src);
            Progress progress = new Progress(options.progress(), name);
            long nanos = 0;
            long interactions = 0;
            long events = 0;
            long nextWatermark = Long.MIN_VALUE;
            long last = 0;
            SimEvent e;
            while ((e = src.next()) != null) {
                long t = e.timeMs();
                last = t;
                sink.nowMs = t;
                if (t >= nextWatermark) {
                    long wm = Math.floorDiv(t, options.watermarkMs()) * options.watermarkMs();
                    if (nextWatermark != Long.MIN_VALUE) {
                        long s = System.nanoTime();
                        detector.onWatermark(wm, sink);
                        nanos += System.nanoTime() - s;
                    }
                    nextWatermark = wm + options.watermarkMs();
                }
                if (e instanceof SimEvent.Call c) {
                    Interaction i = c.interaction();
                    boolean refused = enforcer.refuses(i);
                    String campaign = campaignOf(src.truth(), i);
                    ledger.onCall(i, refused, campaign != null);
                    if (i.endUserId() != null) {
                        ledger.onEndUserCall(i, refused, src.truth().labelOf(i.eventId(), i.accountId()),
                                campaign != null);
                    }
                    if (campaign != null && !src.truth().hostedSenders().isEmpty()) {
                        ledger.onCampaignCall(campaign, i, refused);
                    }
                    Interaction seen = refused ? refusedCopy(i) : i;
                    long s = System.nanoTime();
                    detector.onInteraction(seen, sink);
                    nanos += System.nanoTime() - s;
                    interactions++;
                } else if (e instanceof SimEvent.Lifecycle l) {
                    ledger.onAccountEvent(l.event().accountId(), t);
                    enforcer.onAccountEvent(l.event());
                    long s = System.nanoTime();
                    detector.onAccountEvent(l.event(), sink);
                    nanos += System.nanoTime() - s;
                }
                if ((++events & (CHECK_EVERY - 1)) == 0) {
                    progress.update(events, t);
                }
            }
            sink.nowMs = last + 1;
            long s = System.nanoTime();
            detector.onWatermark(last + 1, sink);
            Map<String, Double> scores = Map.copyOf(detector.accountScores());
            nanos += System.nanoTime() - s;
            progress.done(events);
            long peak = heap.finish();
            return new DetectorRun(name, ledger, scores, sink.campaigns, src.truth(), interactions, nanos, peak, notes);
        } finally {
            current.set(null);
        }
    }

    /** The call as the gateway logged it when enforcement refused it: 403, nothing served. */
    private static Interaction refusedCopy(Interaction i) {
        return new Interaction(i.eventId(), i.time(), i.accountId(), i.apiKeyId(), i.orgId(), i.clientIp(),
                i.userAgent(), i.client(), i.flavour(), i.model(), i.params(), i.messages(), i.conversationId(),
                new Usage(i.usage().inputTokens(), 0, 0), 0, 403, "blocked", i.endUserId());
    }

    /** Where one detector's findings go: the ledger, and the enforcer (default policy or the detector's decisions). */
    private static final class Sink implements Findings {
        private final Detector detector;
        private final Enforcer enforcer;
        private final Ledger ledger;
        private final EventSource source;
        final Map<String, Campaign> campaigns = new LinkedHashMap<>();
        long nowMs;

        Sink(Detector detector, Enforcer enforcer, Ledger ledger, EventSource source) {
            this.detector = detector;
            this.enforcer = enforcer;
            this.ledger = ledger;
            this.source = source;
        }

        @Override
        public void flag(AccountFinding f) {
            ledger.onFlag(f, nowMs, source.truth());
            if (!detector.emitsDecisions()) {
                enforcer.blockAccount(f.accountId(), Math.max(nowMs, f.time().toEpochMilli()));
            }
        }

        @Override
        public void campaign(Campaign c) {
            if (c.merged()) {
                campaigns.remove(c.id()); // its accounts are scored under the campaign it merged into
            } else {
                campaigns.put(c.id(), c);
            }
            enforcer.onCampaign(c, nowMs);
        }

        @Override
        public void decision(Decision d) {
            if (detector.emitsDecisions()) {
                enforcer.onDecision(d, nowMs);
            }
        }
    }

    /** The campaign that sent this call (hosted senders included), or null for benign traffic. */
    static String campaignOf(Truth truth, Interaction i) {
        String label = truth.labelOf(i.eventId(), i.accountId());
        return label != null && truth.campaigns().containsKey(label) ? label : null;
    }
}
