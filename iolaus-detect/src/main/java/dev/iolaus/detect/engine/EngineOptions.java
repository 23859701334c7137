package dev.iolaus.detect.engine;

/**
 * Tuning of the {@link Engine}.
 *
 * @param watermarkIntervalMs event time between two watermarks given to the detectors (their periodic work)
 * @param allowedLatenessMs how far behind the newest event time the watermark stays, for slightly out-of-order
 *     live streams; 0 for time-ordered files
 * @param maxAccounts accounts the directory remembers (least recently active forgotten beyond)
 */
public record EngineOptions(long watermarkIntervalMs, long allowedLatenessMs, int maxAccounts) {
    /** One-minute watermarks, no lateness, one million accounts. */
    public static final EngineOptions DEFAULT = new EngineOptions(60_000, 0, 1_000_000);

    public EngineOptions {
        if (watermarkIntervalMs <= 0 || allowedLatenessMs < 0 || maxAccounts < 1) {
            throw new IllegalArgumentException("watermark interval must be > 0, lateness >= 0, max accounts >= 1");
        }
    }
}
