package dev.iolaus.detect.score;

/** Standard normal tail probabilities and quantiles, for turning test statistics into p-values and back. */
public final class Normal {
    private Normal() {
    }

    /** Upper tail P(Z >= z), accurate to about 1e-7 relative over the useful range (Zelen and Severo 26.2.17). */
    public static double upperTail(double z) {
        if (z < 0) {
            return 1 - upperTail(-z);
        }
        if (z > 37) {
            return 0;
        }
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }

    /** The z with {@code upperTail(z) == p}, by bisection (called rarely: thresholds, not per event). */
    public static double upperQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(mid) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
