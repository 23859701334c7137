package dev.iolaus.detect.graph;

/**
 * Knobs of the campaign graph. Defaults are documented in {@code docs/detection.md}; the significance level is
 * derived from the target false-positive rate, never tuned per scenario.
 *
 * @param minAccounts accounts that must share a value before it is tested as a campaign candidate
 * @param zThreshold pooled-test statistic a candidate must reach (from the target false-positive rate)
 * @param minLift the candidate's tell rate must be at least this multiple of the baseline rate
 * @param minPurity share of the sampled holders whose own traffic shows tells above baseline
 * @param extendPurity share of a value's sampled holders already in one campaign for the value to mark it too
 * @param linkThreshold summed link weight that attributes a new account to a campaign
 * @param contradictAfter interactions after which an account whose own tell rate is at or below baseline is not
 *                        attributed by links alone
 */
public record GraphSettings(int minAccounts, double zThreshold, double minLift, double minPurity, double extendPurity,
                            double linkThreshold, int contradictAfter) {
    /** The shipped defaults. */
    public static GraphSettings defaults(double zThreshold) {
        return new GraphSettings(3, zThreshold, 2.0, 0.6, 0.8, 1.0, 12);
    }
}
