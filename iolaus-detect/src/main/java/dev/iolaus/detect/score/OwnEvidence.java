package dev.iolaus.detect.score;

/**
 * An account's own evidence for membership: the Bayes factor of its tells under the benign baseline against under
 * a campaign's content profile. The campaign's tell rate is not taken as known but as the Beta posterior of its
 * members' calls (uniform prior), so a young campaign of a few calls judges loosely and an established one sharply.
 */
public final class OwnEvidence {
    private OwnEvidence() {
    }

    /**
     * Natural log of the Bayes factor, baseline over campaign, of {@code k} tells in {@code n} calls: positive when
     * the account looks more like ordinary traffic at rate {@code p0} than like the campaign whose members put a tell
     * in {@code campaignTells} of {@code campaignCalls} calls (beta-binomial marginal likelihood).
     */
    public static double logBayesFactor(long k, long n, double p0, long campaignTells, long campaignCalls) {
        if (n <= 0) {
            return 0;
        }
        long hits = Math.max(0, Math.min(n, k));
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p0));
        double baseline = hits * Math.log(q) + (n - hits) * Math.log1p(-q);
        double a = Math.max(0, campaignTells) + 1.0;
        double b = Math.max(0, campaignCalls - campaignTells) + 1.0;
        double campaign = lnBeta(hits + a, n - hits + b) - lnBeta(a, b);
        return baseline - campaign;
    }

    static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    /** ln Gamma(x) for x >= 0.5 (Lanczos, g = 7: about 15 significant digits). */
    static double lnGamma(double x) {
        double z = x - 1;
        double s = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            s += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
