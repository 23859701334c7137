package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.features.LongIntMap;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.AttributeKind;
import dev.iolaus.detect.graph.CampaignGraph;
import dev.iolaus.detect.graph.CampaignState;
import dev.iolaus.detect.graph.EndUserRule;
import dev.iolaus.detect.graph.GraphSettings;
import dev.iolaus.detect.graph.Posting;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.policy.AttributeExtractor;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.EvidenceWriter;
import dev.iolaus.detect.score.Normal;
import dev.iolaus.detect.score.PooledTest;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Iolaus detector: per-interaction features, per-account fingerprints, a cross-account graph of shared rare
 * attributes, pooled content tests of the groups it forms, and calibrated scores with evidence.
 *
 * <p>An account is flagged only through a campaign-level finding: as a sampled holder of a value whose pooled content
 * test confirmed a campaign, or because its own attributes link it strongly to a campaign already found (on its
 * signup event or first request: cauterize). Accounts outside campaigns keep a sub-threshold score from their own
 * content test, for ranking. See {@code docs/detection.md}. Helpers: {@code Holdings} (values into the graph),
 * {@code Attribution} (findings), {@code Housekeeping} (clock, periodic work), {@code LinkQueries}, {@code AccountIndex}.
 */
public final class IolausDetector implements Detector, AttributeExtractor {
    /** Registry name. */
    public static final String NAME = "iolaus";
    /** Default target false-positive rate on benign accounts. */
    public static final double DEFAULT_TARGET_FPR = 0.001;
    private static final long NEW_MODEL_MS = 48 * 3_600_000L;

    private final IpIntel ipIntel;
    private final FeatureExtractor extractor;
    private Interaction lastIn;
    private InteractionFeatures lastFeatures;
    private final GraphSettings settings;
    private final Baseline baseline;
    private final AccountIndex accounts = new AccountIndex();
    private final CampaignGraph graph;
    private final EndUserRule endUsers;
    private final LongIntMap modelFirstSeenMin = new LongIntMap(64);
    private final Holdings holdings;
    private final Attribution attribution;
    private final Housekeeping clock;
    private final LinkQueries links;

    /**
     * A detector configured from the context: options {@code target-fpr} (default 0.001) and
     * {@code benign-tell-rate-cap} (default {@link Baseline#DEFAULT_CAP}, the calibrated benign tell rate bound).
     */
    public IolausDetector(DetectorContext ctx) {
        this.ipIntel = ctx.ipIntel();
        this.extractor = new FeatureExtractor(ipIntel);
        double fpr = ctx.number("target-fpr", DEFAULT_TARGET_FPR);
        this.baseline = new Baseline(ctx.number("benign-tell-rate-cap", Baseline.DEFAULT_CAP));
        this.settings = GraphSettings.defaults(zThreshold(fpr));
        this.graph = new CampaignGraph(settings, accounts::get);
        this.endUsers = new EndUserRule(settings);
        this.holdings = new Holdings(graph);
        this.attribution = new Attribution(graph, baseline, accounts);
        this.clock = new Housekeeping(graph, baseline, endUsers, accounts, attribution);
        this.links = new LinkQueries(graph, baseline, accounts, holdings, clock);
    }

    /**
     * The pooled-test threshold for a target account false-positive rate: a Bonferroni bound over the candidate
     * values tested per account (about 10^3 over a stream), i.e. per-candidate level {@code fpr / 1000}.
     */
    public static double zThreshold(double targetFpr) {
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("option 'target-fpr' must be in (0, 1), was " + targetFpr);
        }
        return Normal.upperQuantile(targetFpr / 1000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onAccountEvent(AccountEvent e, Findings findings) {
        clock.tick(e.timeMs(), findings);
        AccountState st = accounts.state(e.accountId(), graph);
        st.observe(e);
        long t = e.timeMs();
        holdings.attach(st, e);
        if (st.campaign < 0) {
            int count = holdings.heldStatic(st, 0, clock.nowMs());
            graph.link(holdings.held, count).ifPresent(l -> attribution.linkIfStrong(findings, st, l, t));
        }
    }

    /** Features of the interaction, extracted once when the engine asked for its attributes first. */
    private InteractionFeatures features(Interaction in) {
        if (in != lastIn) {
            lastFeatures = extractor.extract(in);
            lastIn = in;
        }
        return lastFeatures;
    }

    @Override
    public void fromAccountEvent(AccountEvent event, Consumer<StrongAttribute> out) {
        // The default extractor reads everything an account event carries.
    }

    /** Template signatures for the cauterizer (see {@link TemplateSignatures}). */
    @Override
    public void fromInteraction(Interaction in, Consumer<StrongAttribute> out) {
        TemplateSignatures.of(features(in), out);
    }

    /**
     * A new feature extractor configured like this detector's own (same IP intel), for a producer thread that
     * extracts features ahead of {@link #onInteraction(Interaction, InteractionFeatures, Findings)}. Each thread needs
     * its own: an extractor reuses buffers between calls.
     */
    public FeatureExtractor newExtractor() {
        return new FeatureExtractor(ipIntel);
    }

    /**
     * Processes an interaction whose features were already extracted, by an extractor from {@link #newExtractor()}
     * fed the same interactions in the same order (then the features, and so the findings, are those of
     * {@link #onInteraction(Interaction, Findings)}). Lets a reader thread do the extraction while this one keeps the
     * graph.
     */
    public void onInteraction(Interaction in, InteractionFeatures features, Findings findings) {
        // Seeds the one-entry cache that features(in) reads, so the detection path is the same code in both modes.
        lastIn = in;
        lastFeatures = features;
        onInteraction(in, findings);
    }

    @Override
    public void onInteraction(Interaction in, Findings findings) {
        long t = in.timeMs();
        clock.tick(t, findings);
        InteractionFeatures f = features(in);
        // An end user of a host (a reseller's customer) is judged as a sub-account; its network and client are the
        // host's, shared with every other customer, so they link nothing (see EndUserRule).
        boolean endUser = in.endUserId() != null;
        AccountState st = accounts.state(in.principal(), graph);
        st.observe(f, t, in.clientIp(), modelIsNew(f.modelHash(), t));
        Holdings h = holdings;
        Posting[] held = h.held;
        int count = 0;
        count = h.hold(count, st, AttributeKind.HEAD, f.headBand0(), t);
        int head0 = count - 1; // held[0] when the first head band is indexed (checked below), else nothing
        count = h.hold(count, st, AttributeKind.HEAD, f.headBand1(), t);
        count = h.hold(count, st, AttributeKind.TAIL, f.tailBand0(), t);
        count = h.hold(count, st, AttributeKind.TAIL, f.tailBand1(), t);
        count = h.hold(count, st, AttributeKind.SKELETON, f.skeleton(), t);
        count = h.hold(count, st, AttributeKind.SYSTEM, f.systemHash(), t);
        count = h.hold(count, st, AttributeKind.SYSTEM_BAND, f.systemBand(), t);
        if (!endUser) {
            count = h.hold(count, st, AttributeKind.CLIENT, f.clientHash(), t);
            count = h.hold(count, st, AttributeKind.PREFIX, f.prefixHash(), t);
            if (f.asn() != 0) {
                count = h.hold(count, st, AttributeKind.ASN_DAY, Hash64.combine(f.asn(), t / 86_400_000L), t);
            }
        }
        int dynamic = count;
        count = h.heldStatic(st, count, clock.nowMs());
        for (int i = 0; i < count; i++) {
            held[i].addContent(f, t, h.slots[i]);
            if (i < dynamic && !held[i].kind.content() && held[i].accounts() >= 2
                    || i < dynamic && held[i].kind == AttributeKind.SYSTEM && held[i].accounts() >= 2) {
                st.addRecent(held[i].key);
            }
            // An end user also keeps the first band of its shared template heads: with no network or identity
            // values of its own, several templates shared with the same end users are its coordination evidence.
            if (endUser && i == head0 && held[i].kind == AttributeKind.HEAD && held[i].accounts() >= 2) {
                st.addHead(held[i].key);
            }
        }
        if (st.campaign >= 0) {
            CampaignState c = graph.campaign(st.campaign);
            c.interactions++;
            c.memberCalls++;
            if (f.extractionTell()) {
                c.memberTells++;
            }
            c.outputTokens += f.outputTokens();
            c.capabilities[f.capability().ordinal()]++;
            c.firstMs = Math.min(c.firstMs, t);
            c.lastMs = Math.max(c.lastMs, t);
        } else {
            baseline.observe(f);
            Posting mark = EndUserRule.contentMark(held, dynamic);
            endUsers.observeOrdinary(mark != null);
            graph.link(held, count).ifPresent(l -> attribution.linkIfStrong(findings, st, l, t));
            if (st.campaign < 0 && endUser) {
                CampaignState c = endUsers.observe(st, mark, baseline, graph);
                if (c != null) {
                    attribution.attributed(findings, st, c, mark, 1.0, t,
                            EvidenceWriter.endUser(st, endUsers.markedRate(), baseline));
                }
            }
            if (st.campaign < 0) {
                Posting prompt = graph.youngChoice(st, held, count, baseline.tellRate());
                if (prompt != null) {
                    attribution.attributed(findings, st, graph.campaign(prompt.exclusiveTo), prompt, 1.0, t);
                }
            }
        }
    }

    @Override
    public void onWatermark(long now, Findings findings) {
        clock.tick(now, findings);
    }

    private boolean modelIsNew(long model, long t) {
        int minute = (int) (t / 60_000L);
        int first = modelFirstSeenMin.get(model, Integer.MIN_VALUE);
        if (first == Integer.MIN_VALUE) {
            modelFirstSeenMin.put(model, minute, 0);
            first = minute;
        }
        // Models present when the stream starts are not "new": only releases seen during the stream count.
        return (first - clock.streamStartMs() / 60_000L) * 60_000L > NEW_MODEL_MS
                && (minute - first) * 60_000L < NEW_MODEL_MS;
    }

    /** The public form of a campaign, with its current members. */
    public Campaign toCampaign(CampaignState c) {
        return attribution.toCampaign(c);
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> scores = new HashMap<>();
        double p0 = baseline.tellRate();
        for (AccountState s : accounts.all()) {
            double score = s.score;
            if (s.campaign < 0 && s.n > 0) {
                // Below every flag: half the confidence of the account's own content test.
                double z = PooledTest.z(s.tells, s.n, p0, 1, baseline.rho());
                score = 0.5 * (1 - PooledTest.pValue(z));
            }
            if (score > 0) {
                scores.put(accounts.id(s.index), score);
            }
        }
        return scores;
    }

    /** The campaign an account belongs to or is strongly linked to, with the evidence; empty when none. */
    public Optional<CampaignLink> linkedCampaign(String accountId) {
        return links.linkedCampaign(accountId);
    }

    /** The campaign an attribute value marks (e.g. a payment fingerprint hash), with evidence; empty when none. */
    public Optional<CampaignLink> linkedCampaign(AttributeKind kind, String value) {
        return links.linkedCampaign(kind, value);
    }

    /** Current benign baseline rate of any extraction tell (for reports and calibration). */
    public double baselineTellRate() {
        return baseline.tellRate();
    }

    /** Accounts tracked. */
    public int accounts() {
        return accounts.size();
    }

    /** Bytes of detector state: account states plus the attribute index (summed from known array sizes). */
    public long stateBytes() {
        long b = graph.bytes();
        for (AccountState s : accounts.all()) {
            b += s.bytes() + 64L;
        }
        return b;
    }

    /** Attribute values held per kind: [singletons, shared]. */
    public Map<String, int[]> census() {
        return graph.census();
    }

    /** All campaigns found so far, in public form. */
    public List<Campaign> campaigns() {
        List<Campaign> out = new ArrayList<>();
        for (CampaignState c : graph.campaigns()) {
            out.add(toCampaign(c));
        }
        return out;
    }
}
