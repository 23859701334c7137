package dev.iolaus.gateway.http;

import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.model.Decision;

/**
 * Step 3: applies the strongest decision in force for the caller's account (or the end user it names, as the
 * sub-account {@code account~end user}), key, address, network, campaign or payment fingerprint: BLOCK answers
 * 403, CHALLENGE answers the configured challenge, THROTTLE was applied by {@link RateLimit}, FLAG passes. Shadow
 * decisions are only noted on the exchange (metrics count them).
 */
final class Enforce implements Interceptor {
    private final Enforcement enforcement;
    private final GatewayConfig.Challenge challenge;

    Enforce(Enforcement enforcement, GatewayConfig.Challenge challenge) {
        this.enforcement = enforcement;
        this.challenge = challenge;
    }

    @Override
    public void handle(Exchange ex) {
        Decision d = ex.decision(enforcement);
        ex.shadow = enforcement.lookupShadow(ex.account(), ex.endUser(enforcement), ex.keyId(), ex.clientIp,
                ex.startMs);
        if (d != null) {
            switch (d.action()) {
                case BLOCK -> {
                    ex.reject(ErrorShape.Kind.FORBIDDEN, "blocked", "blocked",
                            "This request was blocked by policy (decision " + d.id() + ").", null);
                    return;
                }
                case CHALLENGE -> {
                    int status = challenge.status() == null ? 403 : challenge.status();
                    if (challenge.url() != null) {
                        ex.req.response().putHeader("x-iolaus-challenge-url", challenge.url());
                    }
                    String msg = (challenge.message() == null ? "verification required" : challenge.message())
                            + (challenge.url() == null ? "" : ": " + challenge.url());
                    ex.reject(status == 429 ? ErrorShape.Kind.RATE_LIMITED : ErrorShape.Kind.FORBIDDEN,
                            "challenge_required", "challenged", msg, null);
                    return;
                }
                default -> {
                    // THROTTLE is enforced by the rate-limit step; FLAG changes nothing.
                }
            }
        }
        ex.proceed();
    }
}
