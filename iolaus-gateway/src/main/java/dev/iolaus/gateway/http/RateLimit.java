package dev.iolaus.gateway.http;

import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.limit.RateLimiter;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;

/**
 * Step 2: token buckets per key, account, IP and campaign (requests and tokens per minute); 429 with
 * {@code Retry-After}. A THROTTLE decision puts the caller on buckets shrunk by the throttle factor.
 */
final class RateLimit implements Interceptor {
    private final RateLimiter limiter;
    private final Enforcement enforcement;

    RateLimit(RateLimiter limiter, Enforcement enforcement) {
        this.limiter = limiter;
        this.enforcement = enforcement;
    }

    @Override
    public void handle(Exchange ex) {
        ex.campaign = enforcement.campaignOf(ex.account());
        Decision d = ex.decision(enforcement);
        boolean throttled = d != null && d.action() == Action.THROTTLE;
        var k = ex.key.key();
        RateLimiter.Refusal r = limiter.tryAcquire(k.id(), k.rpm(), k.tpm(), k.account(), ex.clientIp, ex.campaign,
                throttled);
        if (r != null) {
            ex.reject(ErrorShape.Kind.RATE_LIMITED, "rate_limit_exceeded", throttled ? "throttled" : "rate_limited",
                    "Rate limit reached for " + r.unit() + " per minute (" + r.dimension() + "). Retry after "
                            + r.retryAfterSeconds() + " s.", Long.toString(r.retryAfterSeconds()));
            return;
        }
        ex.proceed();
    }

    /** After the response: charges the tokens used (observation side, see {@link Recorder}). */
    static void charge(RateLimiter limiter, Enforcement enforcement, Exchange ex) {
        if (ex.key == null) {
            return;
        }
        Decision d = ex.decision(enforcement);
        boolean throttled = d != null && d.action() == Action.THROTTLE;
        limiter.charge(ex.usage.total(), ex.keyId(), ex.account(), ex.clientIp, ex.campaign, throttled);
    }
}
