package dev.iolaus.eval;

import dev.iolaus.model.Campaign;
import dev.iolaus.sim.Truth;
import java.util.List;
import java.util.Map;

/**
 * Raw outcome of one detector's run, before metrics.
 *
 * @param name detector name
 * @param ledger per-account record and timeline
 * @param scores final account scores
 * @param campaigns campaigns the detector reported, last version per id
 * @param truth the source's truth at the end of the run (reserves included)
 * @param interactions calls fed to the detector
 * @param detectorNanos time spent inside the detector's methods
 * @param peakHeapBytes peak live heap (see {@link HeapMeter})
 * @param notes sentences for the report (e.g. missing IP data)
 */
record DetectorRun(String name, Ledger ledger, Map<String, Double> scores, Map<String, Campaign> campaigns,
                   Truth truth, long interactions, long detectorNanos, long peakHeapBytes, List<String> notes) {
}
