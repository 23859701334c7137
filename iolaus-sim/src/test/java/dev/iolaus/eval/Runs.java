package dev.iolaus.eval;

import java.util.List;

/** Runs the harness on a fixture with one scripted detector. */
final class Runs {
    private Runs() {
    }

    static EvalReport.DetectorReport scripted(Fixture f, Scripted s) {
        return new EvalHarness(Scripted.registry(s), EvalOptions.defaults()).run(f, List.of("scripted"))
                .report().detectors().get("scripted");
    }
}
