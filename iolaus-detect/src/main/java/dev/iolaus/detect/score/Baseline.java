package dev.iolaus.detect.score;

import dev.iolaus.detect.features.InteractionFeatures;

/**
 * The benign baseline: running rates of each extraction tell over all traffic not attributed to a campaign, and the
 * between-account dispersion of the tell rate (how much ordinary accounts differ from each other), which widens the
 * pooled test's null so that a group of chatty-but-honest accounts is not mistaken for a campaign.
 */
public final class Baseline {
    /** Floor on every rate, so a tell that benign traffic never shows still needs several hits to be significant. */
    public static final double FLOOR = 0.005;
    private long n;
    private long tells;
    private long cot;
    private long rewrite;
    private long grading;
    private long dataset;
    private double rho = 0.05;
    private final double cap;

    /**
     * A baseline whose tell rates never exceed {@code cap}: the benign rate measured on benign traffic (calibration),
     * so that a stream dominated by one campaign cannot make the campaign the norm it is tested against.
     */
    public Baseline(double cap) {
        if (!(cap > 0 && cap < 1)) {
            throw new IllegalArgumentException("benign tell-rate cap must be in (0, 1), was " + cap);
        }
        this.cap = cap;
    }

    /** A baseline with the shipped cap {@link #DEFAULT_CAP}. */
    public Baseline() {
        this(DEFAULT_CAP);
    }

    /**
     * Shipped cap on the baseline tell rate: 1.25 x the rate measured on the {@code benign-lookalikes} scenario at
     * scale 0.1 (9.7% of calls carry a tell there, synthetic-data researchers included), rounded up.
     */
    public static final double DEFAULT_CAP = 0.12;

    /** Folds in one interaction of an account not attributed to a campaign. */
    public void observe(InteractionFeatures f) {
        n++;
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
    }

    /** Interactions in the baseline. */
    public long n() {
        return n;
    }

    /** Rate of any extraction tell (at most the calibrated cap). */
    public double tellRate() {
        return Math.min(cap, rate(tells));
    }

    /** Rate of chain-of-thought elicitation (at most the calibrated cap). */
    public double cotRate() {
        return Math.min(cap, rate(cot));
    }

    /** Rate of safety-evading rewrites (at most the calibrated cap). */
    public double rewriteRate() {
        return Math.min(cap, rate(rewrite));
    }

    /** Rate of grading prompts (at most the calibrated cap). */
    public double gradingRate() {
        return Math.min(cap, rate(grading));
    }

    /** Rate of dataset tells (at most the calibrated cap). */
    public double datasetRate() {
        return Math.min(cap, rate(dataset));
    }

    private double rate(long k) {
        // A weak prior of 2% keeps the first minutes of a stream from testing against a rate of zero.
        return Math.max(FLOOR, (k + 2.0) / (n + 100.0));
    }

    /** Intra-account correlation of tells (0 = accounts are alike, 1 = each account always or never tells). */
    public double rho() {
        return rho;
    }

    /**
     * Re-estimates the intra-account correlation from per-account (tells, n) pairs: between-account variance of the
     * rate beyond binomial noise, over p(1-p). The spread is measured robustly (median absolute deviation), so that a
     * campaign making up even a third of the accounts does not inflate it and hide itself. Accounts with fewer than 10
     * interactions are skipped.
     */
    public void estimateDispersion(long[] tellsByAccount, long[] nByAccount, int count) {
        double p = tellRate();
        double[] rates = new double[count];
        double[] sizes = new double[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (nByAccount[i] >= 10) {
                rates[m] = (double) tellsByAccount[i] / nByAccount[i];
                sizes[m++] = nByAccount[i];
            }
        }
        if (m < 20) {
            return;
        }
        double median = median(rates, m);
        double[] dev = new double[m];
        for (int i = 0; i < m; i++) {
            dev[i] = Math.abs(rates[i] - median);
        }
        double sd = 1.4826 * median(dev, m);
        double noise = p * (1 - p) / median(sizes, m);
        double between = Math.max(0, sd * sd - noise);
        rho = Math.min(0.3, Math.max(0.01, between / (p * (1 - p))));
    }

    private static double median(double[] a, int m) {
        double[] c = java.util.Arrays.copyOf(a, m);
        java.util.Arrays.sort(c);
        return m % 2 == 1 ? c[m / 2] : (c[m / 2 - 1] + c[m / 2]) / 2;
    }
}
