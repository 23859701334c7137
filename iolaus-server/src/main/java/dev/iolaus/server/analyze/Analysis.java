package dev.iolaus.server.analyze;

import dev.iolaus.detect.engine.EngineStats;
import dev.iolaus.model.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a retro-hunt: what was read, what the detectors found, and what the policy decided.
 *
 * @param inputs input file names
 * @param detectors detector names run
 * @param policy policy source (file name, or {@code default})
 * @param counts lines read, accepted and quarantined per file
 * @param from earliest interaction time
 * @param to latest interaction time
 * @param stats engine counters
 * @param campaigns campaigns found, largest first
 * @param flagged accounts flagged by a detector, with their highest score
 * @param decisions every decision made, in order
 */
public record Analysis(List<String> inputs, List<String> detectors, String policy, EventFiles.Counts counts,
                       Instant from, Instant to, EngineStats stats, List<CampaignSummary> campaigns,
                       Map<String, Double> flagged, List<Decision> decisions) {
    public Analysis {
        inputs = List.copyOf(inputs);
        detectors = List.copyOf(detectors);
        campaigns = List.copyOf(campaigns);
        decisions = List.copyOf(decisions);
    }
}
