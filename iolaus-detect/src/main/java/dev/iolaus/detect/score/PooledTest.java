package dev.iolaus.detect.score;

/**
 * The pooled content test: are the extraction tells of a group of interactions (one campaign candidate, or one
 * sub-population of a mixed account) more frequent than the benign baseline allows?
 *
 * <p>A one-sided binomial test, as the signed root of the likelihood-ratio statistic ({@code sqrt(2 n KL(k/n || p0))},
 * well calibrated down to a handful of trials, unlike the Wald z), with the sample shrunk by the design effect
 * {@code 1 + (m - 1) rho}, where
 * {@code m} is the mean number of interactions per account in the group and {@code rho} the intra-account
 * correlation measured on the baseline: interactions of one account are not independent, so a group made of few
 * accounts earns less evidence than the raw count suggests. Pooling is what lets a campaign of many accounts that
 * each send a handful of prompts be found: the evidence adds up across accounts, not within one.
 */
public final class PooledTest {
    private PooledTest() {
    }

    /**
     * The z statistic of {@code k} hits out of {@code n} against rate {@code p0}.
     *
     * @param accounts distinct accounts contributing (at least 1)
     * @param rho intra-account correlation
     */
    public static double z(long k, long n, double p0, int accounts, double rho) {
        if (n == 0) {
            return 0;
        }
        double m = (double) n / Math.max(1, accounts);
        double design = 1 + Math.max(0, m - 1) * rho;
        double ne = n / design;
        double q = Math.min(1, Math.max(0, (double) k / n));
        double kl = (q > 0 ? q * Math.log(q / p0) : 0) + (q < 1 ? (1 - q) * Math.log((1 - q) / (1 - p0)) : 0);
        double r = Math.sqrt(Math.max(0, 2 * ne * kl));
        return q >= p0 ? r : -r;
    }

    /** One-sided p-value of a z statistic. */
    public static double pValue(double z) {
        return Normal.upperTail(z);
    }
}
