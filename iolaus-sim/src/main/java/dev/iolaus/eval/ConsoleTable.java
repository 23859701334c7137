package dev.iolaus.eval;

import dev.iolaus.eval.EvalReport.CampaignMetrics;
import dev.iolaus.eval.EvalReport.DetectorReport;
import java.util.Locale;
import java.util.Map;

/** The compact side-by-side table printed to stdout and reused in {@code report.md}. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    /** Plain-text table, one row per detector. */
    public static String text(EvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (scale %s, seed %d)  max separability AUC %s%n", r.scenario(),
                r.scale(), r.seed(), Fmt.num(maxSeparability(r), 3)));
        sb.append(String.format(Locale.ROOT, "%-20s %6s %6s %6s %7s %6s %9s %9s %10s %8s%n", "detector", "prec",
                "recall", "F1", "FPR", "AP", "leak-int", "leak-tok", "thruput", "heap MB"));
        r.detectors().forEach((n, d) -> sb.append(String.format(Locale.ROOT,
                "%-20s %6s %6s %6s %7s %6s %9s %9s %10s %8.0f%n", n, Fmt.num(d.accounts().precision(), 3),
                Fmt.num(d.accounts().recall(), 3), Fmt.num(d.accounts().f1(), 3), Fmt.num(d.accounts().fpr(), 4),
                Fmt.num(d.averagePrecision(), 3), Fmt.pct(meanLeakage(d, false)), Fmt.pct(meanLeakage(d, true)),
                Fmt.rate(d.throughputPerS()), d.peakHeapMb())));
        return sb.toString();
    }

    /** The same table in Markdown. */
    static String markdown(EvalReport r) {
        StringBuilder sb = new StringBuilder("| detector | precision | recall | F1 | FPR | AP | leakage (interactions) "
                + "| leakage (output tokens) | throughput | peak heap MB | campaigns reported | purity | completeness |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        r.detectors().forEach((n, d) -> sb.append(String.format(Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %d | %s | %s |%n", n,
                Fmt.num(d.accounts().precision(), 3), Fmt.num(d.accounts().recall(), 3), Fmt.num(d.accounts().f1(), 3),
                Fmt.num(d.accounts().fpr(), 4), Fmt.num(d.averagePrecision(), 3), Fmt.pct(meanLeakage(d, false)),
                Fmt.pct(meanLeakage(d, true)), Fmt.rate(d.throughputPerS()), d.peakHeapMb(), d.reportedCampaigns(),
                Fmt.num(d.purity(), 3), Fmt.num(d.completeness(), 3))));
        return sb.toString();
    }

    /** Largest AUC of the separability table, or null when it is empty. */
    public static Double maxSeparability(EvalReport r) {
        return r.separability().values().stream().filter(v -> v != null).max(Double::compare).orElse(null);
    }

    /** Leakage over all campaigns, weighted by their plans (served / planned summed), or null without campaigns. */
    public static Double meanLeakage(DetectorReport d, boolean tokens) {
        double served = 0;
        double planned = 0;
        for (Map.Entry<String, CampaignMetrics> e : d.campaigns().entrySet()) {
            CampaignMetrics c = e.getValue();
            Double leak = tokens ? c.leakageOutputTokens() : c.leakageInteractions();
            if (leak == null) {
                continue;
            }
            // Weighted by planned interactions for both, so that a campaign's share stays comparable.
            served += leak * c.plannedInteractions();
            planned += c.plannedInteractions();
        }
        return planned == 0 ? null : served / planned;
    }
}
