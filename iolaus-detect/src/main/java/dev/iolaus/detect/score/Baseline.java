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

    /** Rate of any extraction tell. */
    public double tellRate() {
        return rate(tells);
    }

    /** Rate of chain-of-thought elicitation. */
    public double cotRate() {
        return rate(cot);
    }

    /** Rate of safety-evading rewrites. */
    public double rewriteRate() {
        return rate(rewrite);
    }

    /** Rate of grading prompts. */
    public double gradingRate() {
        return rate(grading);
    }

    /** Rate of dataset tells. */
    public double datasetRate() {
        return rate(dataset);
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
