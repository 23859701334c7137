package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.InteractionSink;
import dev.iolaus.gateway.capture.RequestInfo;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.limit.RateLimiter;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Interaction;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The observer: when any exchange ends (served, limited, blocked or failed) it turns it into an
 * {@link Interaction}, charges the tokens used to the limits, counts it, and offers it to the sink.
 *
 * <p>Runs after the response has been sent, so its work never delays the caller's answer. Unauthenticated calls
 * are recorded under the account {@value #UNAUTHENTICATED}.
 */
final class Recorder implements Consumer<Exchange> {
    /** Account id of calls whose key was missing or invalid. */
    static final String UNAUTHENTICATED = "unauthenticated";
    private final InteractionSink sink;
    private final RateLimiter limiter;
    private final Enforcement enforcement;
    private final GatewayMetrics metrics;

    Recorder(InteractionSink sink, RateLimiter limiter, Enforcement enforcement, GatewayMetrics metrics) {
        this.sink = sink;
        this.limiter = limiter;
        this.enforcement = enforcement;
        this.metrics = metrics;
    }

    @Override
    public void accept(Exchange ex) {
        RateLimit.charge(limiter, enforcement, ex);
        long latencyMs = (System.nanoTime() - ex.startNanos) / 1_000_000L;
        metrics.record(ex);
        // Bodies of unauthenticated calls are not parsed: nobody should make the gateway parse JSON for free.
        RequestInfo info = ex.key == null ? RequestInfo.EMPTY : ex.info();
        String account = ex.account() == null ? UNAUTHENTICATED : ex.account();
        Interaction i = new Interaction(eventId(), Instant.ofEpochMilli(ex.startMs), account, ex.keyId(),
                ex.key == null ? null : ex.key.key().org(), ex.clientIp, ex.req.getHeader("user-agent"),
                new ClientFingerprint(headerOrderHash(ex), null), ex.endpoint.flavour(), info.model(),
                info.params(), info.messages(), info.conversationId(), ex.usage.usage(), latencyMs,
                ex.status == 0 ? 500 : ex.status, errorTypeOf(ex));
        if (!sink.offer(i)) {
            metrics.captureDropped();
        }
    }

    private static String errorTypeOf(Exchange ex) {
        if (ex.status >= 200 && ex.status < 300 && ex.errorType == null) {
            return null;
        }
        return ex.errorType != null ? ex.errorType : "error";
    }

    /** Hash of the header names in the order the client sent them: a client-library fingerprint. */
    static String headerOrderHash(Exchange ex) {
        StringBuilder sb = new StringBuilder(128);
        for (Map.Entry<String, String> e : ex.req.headers()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            String k = e.getKey();
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        }
        return Hashes.textHash(sb.toString());
    }

    private static String eventId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "evt_" + hex(r.nextLong()) + hex(r.nextLong());
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }
}
