package dev.iolaus.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Buckets are per dimension and id, throttled callers get their own shrunk buckets, refusals say why. */
class RateLimiterBucketsTest {
    private static Limits limits(long keyRpm, long keyTpm, long accountRpm) {
        return new Limits(keyRpm, keyTpm, accountRpm, 0, 0, 0, 0, 0, 0.5);
    }

    @Test
    void tryAcquire_keyRequestsExhausted_refusesKeyRequestsWithWait() {
        RateLimiter l = new RateLimiter(limits(2, 0, 0));
        assertThat(l.tryAcquire("k1", null, null, "acct", "10.0.0.1", null, false)).isNull();
        assertThat(l.tryAcquire("k1", null, null, "acct", "10.0.0.1", null, false)).isNull();
        RateLimiter.Refusal r = l.tryAcquire("k1", null, null, "acct", "10.0.0.1", null, false);
        assertThat(r).isNotNull();
        assertThat(r.dimension()).isEqualTo("key");
        assertThat(r.unit()).isEqualTo("requests");
        assertThat(r.waitNanos()).isPositive();
        assertThat(r.retryAfterSeconds()).isBetween(1L, 30L);
        // Another key has its own bucket.
        assertThat(l.tryAcquire("k2", null, null, "acct", "10.0.0.1", null, false)).isNull();
    }

    @Test
    void tryAcquire_sameIdInTwoDimensions_bucketsNotShared() {
        // Key limit 3, account limit 1: an account named like the key must not eat the key's bucket or vice versa.
        RateLimiter l = new RateLimiter(limits(3, 0, 1));
        assertThat(l.tryAcquire("same", null, null, "same", null, null, false)).isNull();
        RateLimiter.Refusal r = l.tryAcquire("same", null, null, "same", null, null, false);
        assertThat(r.dimension()).isEqualTo("account");
        // The key bucket was taken from twice (the refused call took from it before the account refused): 1 left.
        assertThat(l.tryAcquire("same", null, null, "other", null, null, false)).isNull();
        assertThat(l.tryAcquire("same", null, null, "other2", null, null, false).dimension()).isEqualTo("key");
    }

    @Test
    void tryAcquire_throttled_usesOwnBucketShrunkByFactor() {
        RateLimiter l = new RateLimiter(limits(4, 0, 0));
        // Throttle factor 0.5: 2 requests per minute under THROTTLE, counted apart from the normal bucket.
        assertThat(l.tryAcquire("k", null, null, "a", null, null, true)).isNull();
        assertThat(l.tryAcquire("k", null, null, "a", null, null, true)).isNull();
        assertThat(l.tryAcquire("k", null, null, "a", null, null, true)).isNotNull();
        assertThat(l.tryAcquire("k", null, null, "a", null, null, false)).isNull();
    }

    @Test
    void charge_tokensIntoDebt_nextCallRefusedForTokens() {
        RateLimiter l = new RateLimiter(limits(100, 1_000, 0));
        assertThat(l.tryAcquire("k", null, null, "a", null, null, false)).isNull();
        l.charge(5_000, "k", "a", null, null, false);
        RateLimiter.Refusal r = l.tryAcquire("k", null, null, "a", null, null, false);
        assertThat(r.dimension()).isEqualTo("key");
        assertThat(r.unit()).isEqualTo("tokens");
        // 4,001 tokens of debt at 1,000 per minute: about four minutes.
        assertThat(r.retryAfterSeconds()).isBetween(230L, 250L);
    }
}
