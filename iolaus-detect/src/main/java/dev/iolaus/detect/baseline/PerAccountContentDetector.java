package dev.iolaus.detect.baseline;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Interaction;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-account two-sample test of prompt features against all traffic, with no pooling across accounts: the
 * family of PRADA (per-client query distribution tests) and MMD-based extraction detectors.
 *
 * <p>Each account's prompts are grouped in tumbling windows of {@code window} prompts. When a window fills, the
 * distance between its mean feature vector and the global running mean (a linear-kernel MMD, i.e. the mean embedding
 * distance) is standardised by the global per-feature variance: {@code T = n * sum_j (mean_j - global_j)^2 / var_j}.
 * The threshold is a permutation-style null: consecutive windows of all traffic (prompts of many accounts, i.e.
 * account labels shuffled away) give the distribution of {@code T} under "this window is drawn from all traffic";
 * the last {@code null_windows} of them are kept, and {@code p = (1 + #{T_null >= T}) / (1 + #null)}. Features
 * are correlated and not Gaussian, so the analytic chi-square threshold would be badly miscalibrated; the empirical
 * null is not. The account is flagged when {@code p < alpha}, which first becomes possible once about
 * {@code 1 / alpha} null windows exist; its score is the largest {@code 1 - p} seen. Options:
 * {@code window} (default 50), {@code alpha} (default 0.001), {@code null_windows} (default 2000), {@code min_null}
 * (null windows needed before testing starts, default 200).
 */
public final class PerAccountContentDetector implements Detector {
    /** Registry name. */
    public static final String NAME = "per-account-content";
    private static final double MIN_VAR = 1e-6;

    private final int window;
    private final double alpha;
    private final int minNull;
    private final double[] nullStats;
    private int nullCount;
    private int nullNext;
    private final AccountWindow nullWindow = new AccountWindow();
    private final Map<String, AccountWindow> accounts = new HashMap<>();
    private final double[] x = new double[PromptFeaturiser.DIM];
    private final double[] globalMean = new double[PromptFeaturiser.DIM];
    private final double[] globalM2 = new double[PromptFeaturiser.DIM];
    private long globalN;

    /** A detector with settings read from the context's options. */
    public PerAccountContentDetector(DetectorContext ctx) {
        this((int) ctx.number("window", 50), ctx.number("alpha", 0.001), (int) ctx.number("null_windows", 2000),
                (int) ctx.number("min_null", 200));
    }

    /** A detector with explicit settings. */
    public PerAccountContentDetector(int window, double alpha, int nullWindows, int minNull) {
        if (window < 2 || !(alpha > 0 && alpha < 1) || nullWindows < 1 || minNull < 1 || minNull > nullWindows) {
            throw new IllegalArgumentException("per-account-content: window must be >= 2, alpha in (0, 1), "
                    + "1 <= min_null <= null_windows (were " + window + ", " + alpha + ", " + minNull + ", "
                    + nullWindows + ")");
        }
        this.window = window;
        this.alpha = alpha;
        this.nullStats = new double[nullWindows];
        this.minNull = minNull;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        PromptFeaturiser.featurise(interaction, x);
        updateGlobal();
        if (nullWindow.add(x) == window) {
            nullStats[nullNext] = statistic(nullWindow);
            nullNext = (nullNext + 1) % nullStats.length;
            nullCount = Math.min(nullCount + 1, nullStats.length);
            nullWindow.reset();
        }
        AccountWindow w = accounts.computeIfAbsent(interaction.accountId(), k -> new AccountWindow());
        if (w.add(x) < window) {
            return;
        }
        if (nullCount >= minNull) {
            double t = statistic(w);
            double p = pValue(t);
            w.score = Math.max(w.score, 1 - p);
            if (p < alpha && !w.flagged) {
                w.flagged = true;
                out.flag(new AccountFinding(NAME, interaction.accountId(), 1 - p, interaction.time(), null,
                        List.of(new Evidence("per_account_distribution", String.format(Locale.ROOT,
                                "last %d prompts differ from all traffic: statistic %.1f above %d of %d windows of all"
                                        + " traffic, p = %.2g", window, t, nullCount - rank(t), nullCount, p), 1.0))));
            }
        }
        w.reset();
    }

    private void updateGlobal() {
        globalN++;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - globalMean[j];
            globalMean[j] += d / globalN;
            globalM2[j] += d * (x[j] - globalMean[j]);
        }
    }

    /** Number of null windows at least as extreme as {@code t}. */
    private int rank(double t) {
        int k = 0;
        for (int i = 0; i < nullCount; i++) {
            if (nullStats[i] >= t) {
                k++;
            }
        }
        return k;
    }

    private double pValue(double t) {
        return (1.0 + rank(t)) / (1.0 + nullCount);
    }

    private double statistic(AccountWindow w) {
        double t = 0;
        for (int j = 0; j < x.length; j++) {
            double var = Math.max(globalM2[j] / (globalN - 1), MIN_VAR);
            double d = w.sum[j] / w.n - globalMean[j];
            t += d * d / var;
        }
        return t * w.n;
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> m = new HashMap<>(accounts.size() * 2);
        accounts.forEach((k, w) -> m.put(k, w.score));
        return m;
    }

    /** The open window of one account. */
    private static final class AccountWindow {
        final double[] sum = new double[PromptFeaturiser.DIM];
        int n;
        double score;
        boolean flagged;

        int add(double[] x) {
            for (int j = 0; j < x.length; j++) {
                sum[j] += x[j];
            }
            return ++n;
        }

        void reset() {
            java.util.Arrays.fill(sum, 0);
            n = 0;
        }
    }
}
