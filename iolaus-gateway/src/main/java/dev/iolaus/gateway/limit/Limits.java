package dev.iolaus.gateway.limit;

/**
 * Requests and tokens per minute for each dimension; 0 means unlimited.
 *
 * @param keyRpm requests per minute per key (a key's own value wins)
 * @param keyTpm tokens per minute per key (a key's own value wins)
 * @param accountRpm requests per minute per account
 * @param accountTpm tokens per minute per account
 * @param ipRpm requests per minute per client address
 * @param ipTpm tokens per minute per client address
 * @param campaignRpm requests per minute per campaign (all member accounts together)
 * @param campaignTpm tokens per minute per campaign
 * @param throttleFactor share of every limit left to a caller under a THROTTLE decision, in (0, 1]
 */
public record Limits(long keyRpm, long keyTpm, long accountRpm, long accountTpm, long ipRpm, long ipTpm,
                     long campaignRpm, long campaignTpm, double throttleFactor) {
    /** Defaults: generous per-key and per-account limits, IP and campaign limits off, throttle to 10%. */
    public static final Limits DEFAULTS = new Limits(600, 200_000, 3_000, 1_000_000, 0, 0, 0, 0, 0.1);

    public Limits {
        if (keyRpm < 0 || keyTpm < 0 || accountRpm < 0 || accountTpm < 0 || ipRpm < 0 || ipTpm < 0
                || campaignRpm < 0 || campaignTpm < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 means unlimited)");
        }
        if (!(throttleFactor > 0 && throttleFactor <= 1)) {
            throw new IllegalArgumentException("limits.throttle_factor must be in (0, 1], was " + throttleFactor);
        }
    }
}
