package dev.iolaus.detect.engine;

/**
 * Counters of an engine run.
 *
 * @param interactions interactions processed
 * @param accountEvents account events processed
 * @param findings account findings received from detectors
 * @param decisions decisions made (policy, cauterizer and detector-made)
 * @param cauterized accounts blocked by the cauterizer
 * @param campaignUpdates campaign reports received
 * @param late events older than the current watermark (processed anyway)
 * @param watermarkMs last watermark given to the detectors
 */
public record EngineStats(long interactions, long accountEvents, long findings, long decisions, long cauterized,
                          long campaignUpdates, long late, long watermarkMs) {
}
