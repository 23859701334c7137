package dev.iolaus.gateway.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket limits (Bucket4j, lock-free local buckets) per key, account, IP and campaign, for requests and tokens.
 *
 * <p>Requests are taken before the call; tokens are only known afterwards, so they are charged after the response
 * (allowed to go into debt) and a caller whose token bucket is empty is refused until it refills.
 *
 * <p>Hot path (every call, on the event loops): one map per dimension keyed by the id itself (no key string built,
 * the id's hash is cached), buckets that update their state in place under an uncontended lock (Bucket4j's
 * lock-free buckets copy their state on every operation), and no probe object unless the call is refused.
 */
public final class RateLimiter {
    private static final String[] DIMENSIONS = {"key", "account", "ip", "campaign"};
    private static final int KEY = 0;
    private static final int ACCOUNT = 1;
    private static final int IP = 2;
    private static final int CAMPAIGN = 3;

    private final Limits limits;
    /** Buckets by dimension, then by id: index {@code dimension * 2 + (throttled ? 1 : 0)}. */
    private final java.util.List<ConcurrentHashMap<String, Pair>> buckets = new java.util.ArrayList<>();

    /** A limiter with these limits. */
    public RateLimiter(Limits limits) {
        this.limits = limits;
        for (int i = 0; i < DIMENSIONS.length * 2; i++) {
            buckets.add(new ConcurrentHashMap<>());
        }
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
        Refusal r = take(KEY, keyId, keyRpm != null ? keyRpm : limits.keyRpm(),
                keyTpm != null ? keyTpm : limits.keyTpm(), throttled);
        if (r == null) {
            r = take(ACCOUNT, account, limits.accountRpm(), limits.accountTpm(), throttled);
        }
        if (r == null) {
            r = take(IP, ip, limits.ipRpm(), limits.ipTpm(), throttled);
        }
        if (r == null && campaign != null) {
            r = take(CAMPAIGN, campaign, limits.campaignRpm(), limits.campaignTpm(), throttled);
        }
        return r;
    }

    /** Charges the tokens a served call used to every token bucket that applies. */
    public void charge(long tokens, String keyId, String account, String ip, String campaign, boolean throttled) {
        if (tokens <= 0) {
            return;
        }
        charge(KEY, keyId, tokens, throttled);
        charge(ACCOUNT, account, tokens, throttled);
        charge(IP, ip, tokens, throttled);
        charge(CAMPAIGN, campaign, tokens, throttled);
    }

    private void charge(int dim, String id, long tokens, boolean throttled) {
        if (id == null) {
            return;
        }
        Pair p = map(dim, throttled).get(id);
        if (p != null && p.tokens != null) {
            p.tokens.consumeIgnoringRateLimits(tokens);
        }
    }

    private Refusal take(int dim, String id, long rpm, long tpm, boolean throttled) {
        if (id == null || (rpm == 0 && tpm == 0)) {
            return null;
        }
        long r = throttled ? scaled(rpm) : rpm;
        long t = throttled ? scaled(tpm) : tpm;
        ConcurrentHashMap<String, Pair> m = map(dim, throttled);
        Pair p = m.get(id);
        if (p == null) {
            p = m.computeIfAbsent(id, k -> new Pair(bucket(r), bucket(t)));
        }
        if (p.tokens != null) {
            long available = p.tokens.getAvailableTokens();
            if (available <= 0) {
                // Nanos until the debt is repaid and one token is back.
                long wait = (long) ((1 - available) * (60e9 / t));
                return new Refusal(DIMENSIONS[dim], "tokens", wait);
            }
        }
        if (p.requests != null && !p.requests.tryConsume(1)) {
            // Refused (rare): only now ask how long until a token is back.
            return new Refusal(DIMENSIONS[dim], "requests",
                    p.requests.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        return null;
    }

    private ConcurrentHashMap<String, Pair> map(int dim, boolean throttled) {
        return buckets.get(dim * 2 + (throttled ? 1 : 0));
    }

    private long scaled(long v) {
        return v == 0 ? 0 : Math.max(1, (long) Math.floor(v * limits.throttleFactor()));
    }

    private static Bucket bucket(long perMinute) {
        // Bucket4j refills at most one token per nanosecond; anything faster is no limit at all.
        if (perMinute == 0 || perMinute > 60_000_000_000L) {
            return null;
        }
        return Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                .build();
    }

    private record Pair(Bucket requests, Bucket tokens) {
    }
}
