package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.features.IpPrefix;
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
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Iolaus detector: per-interaction features, per-account fingerprints, a cross-account graph of shared rare
 * attributes, pooled content tests of the groups it forms, and calibrated scores with evidence.
 *
 * <p>An account is flagged only through a campaign-level finding: as a sampled holder of a value whose pooled content
 * test confirmed a campaign, or because its own attributes link it strongly to a campaign already found (on its
 * signup event or first request: cauterize). Accounts outside campaigns keep a sub-threshold score from their own
 * content test, for ranking. See {@code docs/detection.md}.
 */
public final class IolausDetector implements Detector, AttributeExtractor {
    /** Registry name. */
    public static final String NAME = "iolaus";
    /** Default target false-positive rate on benign accounts. */
    public static final double DEFAULT_TARGET_FPR = 0.001;
    private static final long PASS_MS = 10 * 60_000L;
    private static final long HOUSEKEEPING_MS = 3_600_000L;
    private static final long SWEEP_MS = 6 * HOUSEKEEPING_MS;
    private static final long SLOT_MS = 10 * 60_000L;
    private static final long NEW_MODEL_MS = 48 * 3_600_000L;
    private static final int MAX_HELD = 20;

    private final IpIntel ipIntel;
    private final FeatureExtractor extractor;
    private Interaction lastIn;
    private InteractionFeatures lastFeatures;
    private final GraphSettings settings;
    private final Baseline baseline;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<AccountState> states = new ArrayList<>();
    private final CampaignGraph graph;
    private final EndUserRule endUsers;
    private final LongIntMap modelFirstSeenMin = new LongIntMap(64);
    private final Posting[] held = new Posting[MAX_HELD];
    private final int[] slots = new int[MAX_HELD];
    private final Set<Integer> reported = new HashSet<>();
    private Findings out = Findings.NONE;
    private long streamStartMs = Long.MIN_VALUE;
    private long lastPassMs = Long.MIN_VALUE;
    private long lastHousekeepingMs = Long.MIN_VALUE;
    private long lastSweepMs = Long.MIN_VALUE;
    private long nowMs;

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
        this.graph = new CampaignGraph(settings, states::get);
        this.endUsers = new EndUserRule(settings);
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
        out = findings;
        tick(e.timeMs());
        AccountState st = state(e.accountId());
        st.observe(e);
        long t = e.timeMs();
        if (e.payment() != null) {
            if (e.payment().fingerprintHash() != null) {
                attachStatic(st, AttributeKind.PAYMENT, Hash64.of(e.payment().fingerprintHash()), null, t);
            }
            if (e.payment().bin() != null) {
                Funding fund = e.payment().funding() == null ? Funding.UNKNOWN : e.payment().funding();
                attachStatic(st, AttributeKind.BIN, Hash64.combine(Hash64.of(e.payment().bin()), fund.ordinal()),
                        e.payment().bin() + " (" + fund.wire() + ")", t);
            }
        }
        if (e.emailHash() != null) {
            attachStatic(st, AttributeKind.EMAIL_HASH, Hash64.of(e.emailHash()), null, t);
        }
        if (e.emailDomain() != null) {
            attachStatic(st, AttributeKind.EMAIL_DOMAIN, Hash64.ofLower(e.emailDomain()), e.emailDomain(), t);
        }
        if (e.signupIp() != null) {
            long prefix = IpPrefix.prefixHash(e.signupIp());
            if (prefix != 0) {
                attachStatic(st, AttributeKind.SIGNUP_PREFIX, prefix, IpPrefix.prefixText(e.signupIp()), t);
            }
            if (e.type() == dev.iolaus.model.AccountEventType.CREATED && prefix != 0) {
                attachStatic(st, AttributeKind.SIGNUP_BURST, Hash64.combine(prefix, t / HOUSEKEEPING_MS), null, t);
            }
        }
        if (e.type() == dev.iolaus.model.AccountEventType.CREATED && e.emailDomain() != null) {
            attachStatic(st, AttributeKind.SIGNUP_BURST,
                    Hash64.combine(Hash64.ofLower(e.emailDomain()), t / HOUSEKEEPING_MS), null, t);
        }
        if (e.type() == dev.iolaus.model.AccountEventType.CREATED) {
            // Two overlapping 10-minute slots, so that signups minutes apart share one across a slot boundary.
            attachSlot(st, Hash64.combine(t / SLOT_MS, 0), t);
            attachSlot(st, Hash64.combine((t + SLOT_MS / 2) / SLOT_MS, 1), t);
        }
        if (st.campaign < 0) {
            int count = heldStatic(st, 0);
            graph.link(held, count).ifPresent(l -> linkIfStrong(st, l, t));
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
        out = findings;
        long t = in.timeMs();
        tick(t);
        InteractionFeatures f = features(in);
        // An end user of a host (a reseller's customer) is judged as a sub-account; its network and client are the
        // host's, shared with every other customer, so they link nothing (see EndUserRule).
        boolean endUser = in.endUserId() != null;
        AccountState st = state(in.principal());
        st.observe(f, t, in.clientIp(), modelIsNew(f.modelHash(), t));
        int count = 0;
        count = hold(count, st, AttributeKind.HEAD, f.headBand0(), t);
        int head0 = count - 1; // held[0] when the first head band is indexed (checked below), else nothing
        count = hold(count, st, AttributeKind.HEAD, f.headBand1(), t);
        count = hold(count, st, AttributeKind.TAIL, f.tailBand0(), t);
        count = hold(count, st, AttributeKind.TAIL, f.tailBand1(), t);
        count = hold(count, st, AttributeKind.SKELETON, f.skeleton(), t);
        count = hold(count, st, AttributeKind.SYSTEM, f.systemHash(), t);
        count = hold(count, st, AttributeKind.SYSTEM_BAND, f.systemBand(), t);
        if (!endUser) {
            count = hold(count, st, AttributeKind.CLIENT, f.clientHash(), t);
            count = hold(count, st, AttributeKind.PREFIX, f.prefixHash(), t);
            if (f.asn() != 0) {
                count = hold(count, st, AttributeKind.ASN_DAY, Hash64.combine(f.asn(), t / 86_400_000L), t);
            }
        }
        int dynamic = count;
        count = heldStatic(st, count);
        for (int i = 0; i < count; i++) {
            held[i].addContent(f, t, slots[i]);
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
            graph.link(held, count).ifPresent(l -> linkIfStrong(st, l, t));
            if (st.campaign < 0 && endUser) {
                CampaignState c = endUsers.observe(st, mark, baseline, graph);
                if (c != null) {
                    attributed(st, c, mark, 1.0, t, EvidenceWriter.endUser(st, endUsers.markedRate(), baseline));
                }
            }
            if (st.campaign < 0) {
                Posting prompt = graph.youngChoice(st, held, count, baseline.tellRate());
                if (prompt != null) {
                    attributed(st, graph.campaign(prompt.exclusiveTo), prompt, 1.0, t);
                }
            }
        }
    }

    @Override
    public void onWatermark(long now, Findings findings) {
        out = findings;
        tick(now);
    }

    private void tick(long t) {
        if (streamStartMs == Long.MIN_VALUE) {
            streamStartMs = t;
            lastPassMs = t;
            lastHousekeepingMs = t;
            lastSweepMs = t;
        }
        nowMs = Math.max(nowMs, t);
        if (nowMs - lastPassMs >= PASS_MS) {
            lastPassMs = nowMs;
            graph.pass(nowMs, baseline, this::attributed);
            emitCampaigns(false);
        }
        if (nowMs - lastHousekeepingMs >= HOUSEKEEPING_MS) {
            lastHousekeepingMs = nowMs;
            housekeeping();
        }
    }

    private void housekeeping() {
        long[] tells = new long[states.size()];
        long[] n = new long[states.size()];
        int k = 0;
        for (AccountState s : states) {
            if (s.campaign < 0) {
                tells[k] = s.tells;
                n[k++] = s.n;
            }
        }
        baseline.estimateDispersion(tells, n, k);
        endUsers.decay();
        // The sweep rebuilds the whole attribute index (a pointer read per posting): every SWEEP_MS, not every hour.
        // A value then outlives its idle limit by at most SWEEP_MS, which the limits (6 h, 24 h, 7 d, 365 d) absorb.
        if (nowMs - lastSweepMs >= SWEEP_MS) {
            lastSweepMs = nowMs;
            graph.sweep(nowMs, 6 * HOUSEKEEPING_MS, 24 * HOUSEKEEPING_MS);
        }
        emitCampaigns(true);
    }

    private int hold(int count, AccountState st, AttributeKind kind, long value, long t) {
        if (value == 0 || count >= MAX_HELD) {
            return count;
        }
        Posting p = graph.touch(kind, value, st.index, t);
        if (p == null) {
            return count;
        }
        held[count] = p;
        slots[count] = graph.lastSlot;
        return count + 1;
    }

    private int heldStatic(AccountState st, int count) {
        for (long key : st.staticAttrs) {
            if (key != 0 && count < MAX_HELD) {
                Posting p = graph.postingByKey(key);
                if (p != null) {
                    graph.touch(p, st.index, nowMs);
                    slots[count] = graph.lastSlot;
                    held[count++] = p;
                }
            }
        }
        return count;
    }

    private void attachStatic(AccountState st, AttributeKind kind, long value, String display, long t) {
        Posting p = graph.attach(kind, value, st.index, t);
        if (display != null && p.display == null) {
            p.display = display;
        }
        st.addStatic(p.key);
    }

    /**
     * A signup slot goes through the seen-once filter, unlike other lifecycle values: most slots hold one signup, and
     * indexing each would cost a posting per account; the account keeps the key so a later holder finds it.
     */
    private void attachSlot(AccountState st, long value, long t) {
        graph.touch(AttributeKind.SIGNUP_SLOT, value, st.index, t);
        st.addStatic(AttributeKind.SIGNUP_SLOT.key(value));
    }

    private boolean modelIsNew(long model, long t) {
        int minute = (int) (t / 60_000L);
        int first = modelFirstSeenMin.get(model, Integer.MIN_VALUE);
        if (first == Integer.MIN_VALUE) {
            modelFirstSeenMin.put(model, minute, 0);
            first = minute;
        }
        // Models present when the stream starts are not "new": only releases seen during the stream count.
        return (first - streamStartMs / 60_000L) * 60_000L > NEW_MODEL_MS && (minute - first) * 60_000L < NEW_MODEL_MS;
    }

    private void linkIfStrong(AccountState st, CampaignGraph.Link l, long t) {
        if (l.strong() && !graph.contradicts(st, baseline.tellRate(), l.campaign())) {
            attributed(st, l.campaign(), l.via(), l.strength(), t);
        }
    }

    private void attributed(AccountState st, CampaignState c, Posting via, double strength, long t) {
        attributed(st, c, via, strength, t, null);
    }

    private void attributed(AccountState st, CampaignState c, Posting via, double strength, long t, Evidence own) {
        if (st.campaign < 0) {
            // Its whole history joins the campaign's profile: its calls before attribution were campaign traffic too.
            c.addMember(st);
            // Its cards, mailboxes and signup values may now mark the campaign: test them at the next pass.
            for (long key : st.staticAttrs) {
                if (key != 0) {
                    graph.requeue(key);
                }
            }
        }
        st.campaign = c.id;
        st.score = (float) Math.max(st.score, c.score * Math.min(1, strength));
        if (st.score > st.reportedScore) {
            st.reportedScore = st.score;
            List<Evidence> ev = new ArrayList<>(EvidenceWriter.campaign(c, baseline));
            ev.add(0, new Evidence("campaign_link", "account shares " + via.kind.label() + " "
                    + (via.display != null ? via.display : String.format("%016x", via.value).substring(0, 8) + "…")
                    + " with " + via.accounts() + " accounts of campaign " + c.publicId, Math.min(1, strength)));
            if (own != null) {
                ev.add(1, own);
            }
            out.flag(new AccountFinding(NAME, ids.get(st.index), st.score, Instant.ofEpochMilli(t), c.publicId, ev));
            reported.add(c.id);
        }
    }

    private void emitCampaigns(boolean periodic) {
        for (CampaignState c : graph.campaigns()) {
            if (!c.changed || (!periodic && c.emittedMs != Long.MIN_VALUE)) {
                continue;
            }
            c.changed = false;
            c.emittedMs = nowMs;
            out.campaign(toCampaign(c));
        }
    }

    /** The public form of a campaign, with its current members. */
    public Campaign toCampaign(CampaignState c) {
        Set<String> members = new HashSet<>();
        for (AccountState s : states) {
            if (s.campaign >= 0 && graph.campaign(s.campaign) == c) {
                members.add(ids.get(s.index));
            }
        }
        long first = c.firstMs == Long.MAX_VALUE ? c.foundMs : c.firstMs;
        return new Campaign(c.publicId, NAME, members, Math.min(1, c.score), Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(Math.max(first, c.lastMs)), c.interactions, c.outputTokens,
                c.capabilityNames(), EvidenceWriter.campaign(c, baseline));
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> scores = new HashMap<>();
        double p0 = baseline.tellRate();
        for (AccountState s : states) {
            double score = s.score;
            if (s.campaign < 0 && s.n > 0) {
                // Below every flag: half the confidence of the account's own content test.
                double z = PooledTest.z(s.tells, s.n, p0, 1, baseline.rho());
                score = 0.5 * (1 - PooledTest.pValue(z));
            }
            if (score > 0) {
                scores.put(ids.get(s.index), score);
            }
        }
        return scores;
    }

    private AccountState state(String accountId) {
        Integer i = index.get(accountId);
        if (i != null) {
            return states.get(i);
        }
        int idx = states.size();
        index.put(accountId, idx);
        ids.add(accountId);
        AccountState s = new AccountState(idx);
        states.add(s);
        graph.ensureSeenCapacity(idx + 1);
        return s;
    }

    /** The campaign an account belongs to or is strongly linked to, with the evidence; empty when none. */
    public Optional<CampaignLink> linkedCampaign(String accountId) {
        Integer i = index.get(accountId);
        if (i == null) {
            return Optional.empty();
        }
        AccountState st = states.get(i);
        if (st.campaign >= 0) {
            CampaignState c = graph.campaign(st.campaign);
            return Optional.of(new CampaignLink(c.publicId, 1, true, EvidenceWriter.campaign(c, baseline)));
        }
        int count = heldStatic(st, 0);
        for (long key : st.recentAttrs) {
            Posting p = key == 0 || count >= MAX_HELD ? null : graph.postingByKey(key);
            if (p != null) {
                held[count++] = p;
            }
        }
        return graph.link(held, count).map(l -> new CampaignLink(l.campaign().publicId, l.strength(),
                l.via().kind.strong(), List.of(new Evidence(EvidenceWriter.kindCode(l.via().kind),
                        EvidenceWriter.sharedSentence(l.via()), Math.min(1, l.strength())))));
    }

    /** The campaign an attribute value marks (e.g. a payment fingerprint hash), with evidence; empty when none. */
    public Optional<CampaignLink> linkedCampaign(AttributeKind kind, String value) {
        long v = kind == AttributeKind.EMAIL_DOMAIN ? Hash64.ofLower(value) : Hash64.of(value);
        Posting p = graph.posting(kind, v);
        if (p == null || p.campaign < 0) {
            return Optional.empty();
        }
        CampaignState c = graph.campaign(p.campaign);
        return Optional.of(new CampaignLink(c.publicId, kind.linkWeight() * p.purity, kind.strong(),
                List.of(new Evidence(EvidenceWriter.kindCode(kind), EvidenceWriter.sharedSentence(p), p.purity))));
    }

    /** Current benign baseline rate of any extraction tell (for reports and calibration). */
    public double baselineTellRate() {
        return baseline.tellRate();
    }

    /** Accounts tracked. */
    public int accounts() {
        return states.size();
    }

    /** Bytes of detector state: account states plus the attribute index (summed from known array sizes). */
    public long stateBytes() {
        long b = graph.bytes();
        for (AccountState s : states) {
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
