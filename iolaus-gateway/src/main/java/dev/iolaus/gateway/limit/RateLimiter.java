package dev.iolaus.gateway.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket limits (Bucket4j, lock-free local buckets) per key, account, IP and campaign, for requests and tokens.
 *
 * <p>Requests are taken before the call; tokens are only known afterwards, so they are charged after the response
 * (allowed to go into debt) and a caller whose token bucket is empty is refused until it refills.
 */
public final class RateLimiter {
    private final Limits limits;
    private final ConcurrentHashMap<String, Pair> buckets = new ConcurrentHashMap<>();

    /** A limiter with these limits. */
    public RateLimiter(Limits limits) {
        this.limits = limits;
    }

    /** The limits in force. */
    public Limits limits() {
        return limits;
    }

    /** Which dimension refused a call, and how long to wait. */
    public record Refusal(String dimension, String unit, long waitNanos) {
        /** Whole seconds to wait, at least 1 (the Retry-After value). */
        public long retryAfterSeconds() {
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    /**
     * Takes one request from every bucket that applies; null when allowed, else the first refusal.
     *
     * @param throttled true under a THROTTLE decision: every limit shrinks by the throttle factor
     */
    public Refusal tryAcquire(String keyId, Long keyRpm, Long keyTpm, String account, String ip, String campaign,
                              boolean throttled) {
        Refusal r = take("key", keyId, keyRpm != null ? keyRpm : limits.keyRpm(),
                keyTpm != null ? keyTpm : limits.keyTpm(), throttled);
        if (r == null) {
            r = take("account", account, limits.accountRpm(), limits.accountTpm(), throttled);
        }
        if (r == null) {
            r = take("ip", ip, limits.ipRpm(), limits.ipTpm(), throttled);
        }
        if (r == null && campaign != null) {
            r = take("campaign", campaign, limits.campaignRpm(), limits.campaignTpm(), throttled);
        }
        return r;
    }

    /** Charges the tokens a served call used to every token bucket that applies. */
    public void charge(long tokens, String keyId, String account, String ip, String campaign, boolean throttled) {
        if (tokens <= 0) {
            return;
        }
        charge("key", keyId, tokens, throttled);
        charge("account", account, tokens, throttled);
        charge("ip", ip, tokens, throttled);
        charge("campaign", campaign, tokens, throttled);
    }

    private void charge(String dim, String id, long tokens, boolean throttled) {
        if (id == null) {
            return;
        }
        Pair p = buckets.get(name(dim, id, throttled));
        if (p != null && p.tokens != null) {
            p.tokens.consumeIgnoringRateLimits(tokens);
        }
    }

    private Refusal take(String dim, String id, long rpm, long tpm, boolean throttled) {
        if (id == null || (rpm == 0 && tpm == 0)) {
            return null;
        }
        long r = throttled ? scaled(rpm) : rpm;
        long t = throttled ? scaled(tpm) : tpm;
        Pair p = buckets.computeIfAbsent(name(dim, id, throttled), k -> new Pair(bucket(r), bucket(t)));
        if (p.tokens != null) {
            long available = p.tokens.getAvailableTokens();
            if (available <= 0) {
                // Nanos until the debt is repaid and one token is back.
                long wait = (long) ((1 - available) * (60e9 / t));
                return new Refusal(dim, "tokens", wait);
            }
        }
        if (p.requests != null) {
            ConsumptionProbe probe = p.requests.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return new Refusal(dim, "requests", probe.getNanosToWaitForRefill());
            }
        }
        return null;
    }

    private long scaled(long v) {
        return v == 0 ? 0 : Math.max(1, (long) Math.floor(v * limits.throttleFactor()));
    }

    private static String name(String dim, String id, boolean throttled) {
        return throttled ? dim + "!t:" + id : dim + ":" + id;
    }

    private static Bucket bucket(long perMinute) {
        // Bucket4j refills at most one token per nanosecond; anything faster is no limit at all.
        if (perMinute == 0 || perMinute > 60_000_000_000L) {
            return null;
        }
        return Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private record Pair(Bucket requests, Bucket tokens) {
    }
}
