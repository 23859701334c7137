package dev.iolaus.detect.graph;

import dev.iolaus.detect.features.Capability;
import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.HyperLogLog;

/**
 * One attribute value and the accounts that share it: a bounded reservoir sample of account indices, a distinct
 * count, and the pooled content counters of every interaction that carried the value (or, for lifecycle attributes,
 * every interaction of an account holding it). The unit of the pooled content test.
 */
public final class Posting {
    /** Maximum accounts kept in the reservoir sample; beyond it the distinct count is a HyperLogLog estimate. */
    public static final int SAMPLE = 32;

    /** The posting key (kind and value hash combined). */
    public final long key;
    /** The attribute kind. */
    public final AttributeKind kind;
    /** The value hash (for evidence: its hex prefix). */
    public final long value;
    /** A human-readable value when cheap to keep (email domain, BIN, prefix), else null. */
    public String display;
    /** Interactions pooled. */
    public int n;
    /** Interactions with any extraction tell. */
    public int tells;
    /** Chain-of-thought elicitations. */
    public int cot;
    /** Safety-evading rewrites. */
    public int rewrite;
    /** Grading prompts. */
    public int grading;
    /** Dataset tells. */
    public int dataset;
    /** Interactions per capability; allocated when a second account shares the value (singletons do not need it). */
    public int[] capabilities;
    /** First and last time the value was seen, epoch ms. */
    public long firstMs;
    /** Last time the value was seen. */
    public long lastMs;
    private int first;
    private int firstN;
    private int firstTells;
    private int[] sample;
    private int[] sampleN;
    private int[] sampleTells;
    private int sampleSize;
    private int arrivals;
    private HyperLogLog distinct;
    private int estimated;
    /** Campaign the value marks, or -1. */
    public int campaign = -1;
    /**
     * Campaign this system prompt is exclusive to at its last evaluation, or -1: held by at least two of its members
     * and by no ordinary account (see {@link ExclusiveChoices}).
     */
    public int exclusiveTo = -1;
    /** Interactions at the last evaluation (to skip unchanged postings). */
    public int evaluatedAt;
    /** Share of the sampled accounts attributed to the campaign at the last evaluation. */
    public float purity;
    /** Queued for the next evaluation pass. */
    public boolean dirty;
    /** Strongest pooled-test statistic seen at an evaluation. */
    public float z;

    /** An empty posting. */
    public Posting(long key, AttributeKind kind, long value, long timeMs) {
        this.key = key;
        this.kind = kind;
        this.value = value;
        this.firstMs = timeMs;
        this.lastMs = timeMs;
    }

    /**
     * Records that an account holds the value; returns its slot in the reservoir sample, or -1 when it is not
     * sampled (then its interactions still count in the pooled counters).
     */
    public int addAccount(int account, long timeMs) {
        lastMs = Math.max(lastMs, timeMs);
        if (sampleSize == 0) {
            first = account;
            sampleSize = 1;
            arrivals = 1;
            return 0;
        }
        if (sample == null) {
            if (first == account) {
                return 0;
            }
            // A second holder: from now on the value is shared and worth arrays.
            sample = new int[4];
            sampleN = new int[4];
            sampleTells = new int[4];
            sample[0] = first;
            sampleN[0] = firstN;
            sampleTells[0] = firstTells;
            capabilities = new int[Capability.values().length];
        }
        for (int i = 0; i < sampleSize; i++) {
            if (sample[i] == account) {
                return i;
            }
        }
        if (distinct == null) {
            distinct = new HyperLogLog(6);
            distinct.add(Hash64.mix(sample[0] + 1L));
        }
        boolean changed = distinct.add(Hash64.mix(account + 1L));
        if (changed && sampleSize >= SAMPLE) {
            // The estimate is recomputed only when a register moves: rare once the value is popular.
            estimated = Math.max(SAMPLE, (int) Math.round(distinct.estimate()));
        }
        if (!changed && sampleSize >= SAMPLE) {
            return -1;
        }
        arrivals++;
        if (sampleSize < SAMPLE) {
            if (sampleSize == sample.length) {
                int cap = Math.min(SAMPLE, sampleSize * 2);
                sample = java.util.Arrays.copyOf(sample, cap);
                sampleN = java.util.Arrays.copyOf(sampleN, cap);
                sampleTells = java.util.Arrays.copyOf(sampleTells, cap);
            }
            sample[sampleSize] = account;
            return sampleSize++;
        }
        // Reservoir sampling over distinct arrivals keeps the sample representative of all holders, not the first.
        int j = (int) Long.remainderUnsigned(Hash64.mix(account * 31L + arrivals), arrivals);
        if (j < SAMPLE) {
            sample[j] = account;
            sampleN[j] = 0;
            sampleTells[j] = 0;
            return j;
        }
        return -1;
    }

    /** Pools one interaction of the holder in {@code slot} (from {@link #addAccount}, -1 when unsampled). */
    public void addContent(InteractionFeatures f, long timeMs, int slot) {
        addContent(f, timeMs);
        if (slot >= 0 && slot < sampleSize) {
            if (sample == null) {
                firstN++;
                firstTells += f.extractionTell() ? 1 : 0;
            } else {
                sampleN[slot]++;
                if (f.extractionTell()) {
                    sampleTells[slot]++;
                }
            }
        }
    }

    /** Interactions of the sampled holder in slot i that carried this value. */
    public int sampledN(int i) {
        return sample == null ? firstN : sampleN[i];
    }

    /** Extraction tells among them. */
    public int sampledTells(int i) {
        return sample == null ? firstTells : sampleTells[i];
    }

    /** Pools one interaction's content counters. */
    public void addContent(InteractionFeatures f, long timeMs) {
        n++;
        lastMs = Math.max(lastMs, timeMs);
        if (f.extractionTell()) {
            tells++;
        }
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
        if (capabilities != null) {
            capabilities[f.capability().ordinal()]++;
        }
    }

    /** Distinct accounts holding the value (exact up to the sample size, then estimated). */
    public int accounts() {
        if (sample == null) {
            return sampleSize;
        }
        return distinct == null || sampleSize < SAMPLE ? sampleSize : Math.max(SAMPLE, estimated);
    }

    /** Number of sampled account indices. */
    public int sampleSize() {
        return sampleSize;
    }

    /** The i-th sampled account index. */
    public int sampled(int i) {
        return sample == null ? first : sample[i];
    }

    /** FRAUDAR's column weight: popular values say little about who belongs together. */
    public double columnWeight() {
        return 1.0 / Math.log(5 + accounts());
    }

    /** Approximate bytes held. */
    public int bytes() {
        return 120 + (capabilities == null ? 0 : 16 + 4 * capabilities.length)
                + (sample == null ? 0 : 48 + 12 * sample.length)
                + (distinct == null ? 0 : distinct.bytes());
    }
}
