package dev.iolaus.eval;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code report.json}. Field names are written in snake_case; the keys {@code scenario}, {@code scale},
 * {@code seed}, {@code corpora}, {@code separability}, {@code detectors} and, per detector, {@code accounts},
 * {@code campaigns}, {@code archetypes}, {@code throughput_per_s}, {@code peak_heap_mb} are a contract other tools
 * read. A null metric means "undefined here" (e.g. recall when the scenario has no attacker).
 *
 * @param scenario scenario name (or file name of a replayed log)
 * @param scale scale factor
 * @param seed random seed
 * @param corpora corpora directory used, or {@code built-in}
 * @param separability raw field to AUC of the best one-field rule
 * @param detectors per detector, in run order
 */
public record EvalReport(String scenario, double scale, long seed, String corpora, Map<String, Double> separability,
                         Map<String, DetectorReport> detectors) {

    /** AUC above which one raw field separates attack from benign too well: a defect of the scenario. */
    public static final double SEPARABILITY_LIMIT = 0.85;

    /**
     * One detector's scores.
     *
     * @param accounts account-level metrics at the operating point (flagged = positive)
     * @param campaigns per true campaign id
     * @param archetypes per benign archetype
     * @param throughputPerS interactions per second of detector work
     * @param peakHeapMb peak live heap of the run in MiB
     * @param averagePrecision area under the PR curve (average precision), null without attackers
     * @param prCurve PR curve from the final account scores, at most ~200 points
     * @param purity size-weighted mean purity of reported campaigns, null when none reported
     * @param completeness mean over true campaigns of the best completeness of a reported campaign, null when none
     * @param reportedCampaigns campaigns the detector reported
     * @param interactions calls replayed
     * @param served calls served (not refused by enforcement, 2xx)
     * @param notes remarks (missing inputs and the like)
     */
    public record DetectorReport(AccountMetrics accounts, Map<String, CampaignMetrics> campaigns,
                                 Map<String, ArchetypeMetrics> archetypes, Double throughputPerS, double peakHeapMb,
                                 Double averagePrecision, List<PrPoint> prCurve, Double purity, Double completeness,
                                 int reportedCampaigns, long interactions, long served, List<String> notes) {
    }

    /**
     * Account-level confusion at the operating point.
     *
     * @param precision flagged attackers / flagged, null when nothing was flagged
     * @param recall flagged attackers / attackers, null without attackers
     * @param f1 harmonic mean, 0 when nothing correct, null without attackers
     * @param fpr flagged benign / benign, null without benign accounts
     * @param tp flagged attackers
     * @param fp flagged benign accounts
     * @param fn attackers not flagged
     * @param tn benign accounts not flagged
     */
    public record AccountMetrics(Double precision, Double recall, Double f1, Double fpr, long tp, long fp, long fn,
                                 long tn) {
    }

    /**
     * One true campaign, as this detector saw it.
     *
     * @param recall share of its accounts (that appeared in the stream) flagged
     * @param firstFlagS simulated seconds from its first interaction to its first flagged account, null if never
     * @param t90S simulated seconds from its first interaction to 90% of its accounts flagged, null if never
     * @param leakageInteractions share of its planned interactions served
     * @param leakageOutputTokens share of its planned output tokens served
     * @param reservesBlockedFirst share of activated reserves blocked at or before their first request, null if none
     * @param accounts its accounts that appeared in the stream
     * @param flagged of which flagged
     * @param plannedInteractions planned interactions (truth, or the unenforced stream)
     * @param servedInteractions interactions served to it
     */
    public record CampaignMetrics(Double recall, Double firstFlagS, Double t90S, Double leakageInteractions,
                                  Double leakageOutputTokens, Double reservesBlockedFirst, long accounts, long flagged,
                                  long plannedInteractions, long servedInteractions) {
    }

    /**
     * One benign archetype.
     *
     * @param flaggedRate share of its accounts flagged
     * @param blockedRate share of its accounts blocked
     * @param accounts its accounts that appeared in the stream
     */
    public record ArchetypeMetrics(Double flaggedRate, Double blockedRate, long accounts) {
    }

    /**
     * One point of a PR curve.
     *
     * @param threshold score at or above which accounts count as positive
     * @param precision precision there
     * @param recall recall there
     */
    public record PrPoint(double threshold, double precision, double recall) {
    }
}
