package dev.iolaus.eval;

import dev.iolaus.eval.EvalReport.PrPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Precision-recall curve over account scores (accounts without a score count as 0), and its average precision.
 *
 * @param points one point per distinct threshold, thinned to at most {@link #MAX_POINTS}
 * @param averagePrecision sum over thresholds of (recall step) x precision, null without positives
 */
record PrCurve(List<PrPoint> points, Double averagePrecision) {
    static final int MAX_POINTS = 200;

    static PrCurve of(Collection<String> population, Map<String, Double> scores, Predicate<String> positive) {
        int n = population.size();
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        Integer[] order = new Integer[n];
        int p = 0;
        int k = 0;
        for (String id : population) {
            s[k] = scores.getOrDefault(id, 0.0);
            y[k] = positive.test(id);
            p += y[k] ? 1 : 0;
            order[k] = k;
            k++;
        }
        if (p == 0 || n == 0) {
            return new PrCurve(List.of(), null);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
        List<PrPoint> all = new ArrayList<>();
        double ap = 0;
        double prevRecall = 0;
        int tp = 0;
        for (int i = 0; i < n; i++) {
            if (y[order[i]]) {
                tp++;
            }
            boolean lastOfThreshold = i == n - 1 || s[order[i + 1]] != s[order[i]];
            if (lastOfThreshold) {
                double precision = (double) tp / (i + 1);
                double recall = (double) tp / p;
                ap += (recall - prevRecall) * precision;
                prevRecall = recall;
                all.add(new PrPoint(s[order[i]], precision, recall));
            }
        }
        return new PrCurve(thin(all), ap);
    }

    private static List<PrPoint> thin(List<PrPoint> all) {
        if (all.size() <= MAX_POINTS) {
            return all;
        }
        List<PrPoint> out = new ArrayList<>(MAX_POINTS + 1);
        double step = (all.size() - 1) / (double) (MAX_POINTS - 1);
        for (int i = 0; i < MAX_POINTS; i++) {
            out.add(all.get((int) Math.round(i * step)));
        }
        return out;
    }
}
