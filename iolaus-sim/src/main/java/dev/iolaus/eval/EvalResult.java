package dev.iolaus.eval;

import java.util.Map;

/** An evaluation's report, plus the raw runs behind it that the HTML timeline reads. */
public final class EvalResult {
    private final EvalReport report;
    private final Reference reference;
    private final Map<String, DetectorRun> runs;

    EvalResult(EvalReport report, Reference reference, Map<String, DetectorRun> runs) {
        this.report = report;
        this.reference = reference;
        this.runs = runs;
    }

    /** What {@code report.json} holds. */
    public EvalReport report() {
        return report;
    }

    /** The unenforced reference pass. */
    Reference reference() {
        return reference;
    }

    /** Raw run per detector, in report order. */
    Map<String, DetectorRun> runs() {
        return runs;
    }
}
