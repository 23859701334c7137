package dev.iolaus.detect.fingerprint;

import dev.iolaus.detect.features.Capability;
import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Funding;

/**
 * The keyed state of one account: counters, small fixed arrays and sketches, so memory stays bounded however much
 * the account sends (about 800 bytes; see {@link #bytes()}).
 *
 * <p>Updated once per interaction and per lifecycle event; {@link #fingerprint()} derives the behavioural features.
 */
public final class AccountState {
    private static final int HLL_P = 6;
    /** Attribute keys an account can hold from lifecycle events (payment, BIN, email, signup network, burst). */
    public static final int STATIC_ATTRS = 10;
    /** Recent shared dynamic attribute keys remembered per account (for linking new activity to campaigns). */
    public static final int RECENT_ATTRS = 8;

    /** Dense index of the account (its id is held by the interner). */
    public final int index;
    /** Interactions seen. */
    public int n;
    /** Interactions with a chain-of-thought cue. */
    public int cot;
    /** Safety-evading rewrite requests. */
    public int rewrite;
    /** Grading prompts. */
    public int grading;
    /** Dataset-building tells. */
    public int dataset;
    /** Interactions with any extraction tell. */
    public int tells;
    /** Follow-up turns (conversation depth). */
    public int followUps;
    /** Interactions on a model first seen globally less than 48 hours before. */
    public int newModel;
    /** Interactions per capability. */
    public final int[] capabilities = new int[Capability.values().length];
    /** Interactions per UTC hour of day. */
    public final int[] hours = new int[24];
    /** Output tokens served. */
    public long outputTokens;
    /** First and last interaction time, epoch ms (0 before the first). */
    public long firstMs;
    /** Last interaction time. */
    public long lastMs;
    /** Signup time from the CREATED event, 0 when unknown. */
    public long signupMs;
    private int gaps;
    private double gapMean;
    private double gapM2;
    private long lastParams;
    /** Interactions whose parameters equal the previous interaction's. */
    public int sameParams;
    private final HyperLogLog ips = new HyperLogLog(HLL_P);
    private final HyperLogLog prefixes = new HyperLogLog(HLL_P);
    private final HyperLogLog skeletons = new HyperLogLog(HLL_P);
    /** Attribute keys from lifecycle events (0 = empty slot). */
    public final long[] staticAttrs = new long[STATIC_ATTRS];
    /** Ring of recent dynamic attribute keys that other accounts share. */
    public final long[] recentAttrs = new long[RECENT_ATTRS];
    private int recentPos;
    /** Prepaid card on file. */
    public boolean prepaid;
    /** Programme claims (education, startup, research) made. */
    public int programmeClaims;
    /** Campaign this account is attributed to, or -1. */
    public int campaign = -1;
    /** End users (sub-accounts) outside campaigns: calls that carried a content value marking a campaign. */
    public int marked;
    /**
     * End users only (null for accounts): the shared template heads it sends most, {@value #HEADS} at most, with how
     * often; the least sent is replaced when full. Its campaign's templates stay while one-off prompts come and go.
     */
    public long[] heads;
    private int[] headCounts;
    /** Template heads an end user remembers. */
    public static final int HEADS = 16;
    /** Current suspicion score in [0, 1]. */
    public float score;
    /** Score when last reported, so findings are re-emitted only when the score rises. */
    public float reportedScore;

    /** Empty state for the account with this dense index. */
    public AccountState(int index) {
        this.index = index;
    }

    /** Folds one interaction's features in. */
    public void observe(InteractionFeatures f, long timeMs, String ip, boolean modelIsNew) {
        if (n > 0) {
            // Welford over log inter-arrival seconds: scripts are regular, people are bursty.
            double g = Math.log1p(Math.max(0, timeMs - lastMs) / 1000.0);
            gaps++;
            double d = g - gapMean;
            gapMean += d / gaps;
            gapM2 += d * (g - gapMean);
        } else {
            firstMs = timeMs;
        }
        lastMs = Math.max(lastMs, timeMs);
        n++;
        if (f.cot()) {
            cot++;
        }
        if (f.rewrite()) {
            rewrite++;
        }
        if (f.grading()) {
            grading++;
        }
        if (f.dataset()) {
            dataset++;
        }
        if (f.extractionTell()) {
            tells++;
        }
        if (f.followUp()) {
            followUps++;
        }
        if (modelIsNew) {
            newModel++;
        }
        capabilities[f.capability().ordinal()]++;
        hours[(int) Math.floorMod(timeMs / 3_600_000L, 24L)]++;
        outputTokens += f.outputTokens();
        if (f.paramHash() == lastParams) {
            sameParams++;
        }
        lastParams = f.paramHash();
        if (ip != null) {
            ips.add(Hash64.of(ip));
        }
        if (f.prefixHash() != 0) {
            prefixes.add(f.prefixHash());
        }
        if (f.skeleton() != 0) {
            skeletons.add(f.skeleton());
        }
    }

    /** Folds a lifecycle event in: signup time, payment, programme claims. */
    public void observe(AccountEvent e) {
        if (e.type() == dev.iolaus.model.AccountEventType.CREATED && signupMs == 0) {
            signupMs = e.timeMs();
        }
        if (e.payment() != null && e.payment().funding() == Funding.PREPAID) {
            prepaid = true;
        }
        programmeClaims += e.programmeClaims().size();
    }

    /** Adds a lifecycle attribute key (no duplicates; ignored when full). */
    public void addStatic(long key) {
        for (int i = 0; i < staticAttrs.length; i++) {
            if (staticAttrs[i] == key) {
                return;
            }
            if (staticAttrs[i] == 0) {
                staticAttrs[i] = key;
                return;
            }
        }
    }

    /** Remembers a shared dynamic attribute key (no duplicates; oldest overwritten). */
    public void addRecent(long key) {
        for (long k : recentAttrs) {
            if (k == key) {
                return;
            }
        }
        recentAttrs[recentPos] = key;
        recentPos = (recentPos + 1) % recentAttrs.length;
    }

    /** Share of interactions with any extraction tell. */
    public double tellRate() {
        return n == 0 ? 0 : (double) tells / n;
    }

    /** The derived behavioural fingerprint. */
    public AccountFingerprint fingerprint() {
        int top = 0;
        for (int c : capabilities) {
            top = Math.max(top, c);
        }
        double entropy = 0;
        for (int h : hours) {
            if (h > 0) {
                double p = (double) h / n;
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        double gapCv = gaps < 2 ? 0 : Math.sqrt(gapM2 / (gaps - 1)) / Math.max(1e-9, gapMean);
        double days = Math.max(1.0 / 24, (lastMs - firstMs) / 86_400_000.0);
        double ageAtFirstUseH = signupMs == 0 ? -1 : (firstMs - signupMs) / 3_600_000.0;
        return new AccountFingerprint(n, n / days, gapCv, entropy, n == 0 ? 0 : (double) followUps / n,
                n == 0 ? 0 : skeletons.estimate() / n, n == 0 ? 0 : (double) top / n,
                n == 0 ? 0 : (double) cot / n, tellRate(), n <= 1 ? 0 : (double) sameParams / (n - 1),
                ips.estimate(), prefixes.estimate(), ageAtFirstUseH, prepaid, programmeClaims,
                n == 0 ? 0 : (double) newModel / n, outputTokens);
    }

    /** An end user sent a shared template head: counted, kept among its {@value #HEADS} most sent. */
    public void addHead(long key) {
        if (heads == null) {
            heads = new long[HEADS];
            headCounts = new int[HEADS];
        }
        int least = 0;
        for (int i = 0; i < HEADS; i++) {
            if (heads[i] == key) {
                headCounts[i]++;
                return;
            }
            if (headCounts[i] < headCounts[least]) {
                least = i;
            }
        }
        heads[least] = key;
        headCounts[least] = 1;
    }

    /** Bytes of state held (arrays, sketches and fields), for the per-account budget. */
    public int bytes() {
        return 16 + 4 * 20 + 8 * 10 + (16 + 4 * capabilities.length) + (16 + 4 * 24) + 3 * ips.bytes()
                + (16 + 8 * STATIC_ATTRS) + (16 + 8 * RECENT_ATTRS) + (heads == null ? 0 : 32 + 12 * HEADS);
    }
}
