package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.FastHash;
import dev.iolaus.gateway.capture.InteractionSink;
import dev.iolaus.gateway.capture.RequestInfo;
import dev.iolaus.gateway.capture.RequestScan;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.limit.RateLimiter;
import dev.iolaus.model.ClientFingerprint;
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
        // Everything the interaction needs is copied now (the request object belongs to the event loop); parsing
        // the body and hashing texts and header order happen later on the capture thread.
        String account = ex.account() == null ? UNAUTHENTICATED : ex.account();
        String keyId = ex.keyId();
        String org = ex.key == null ? null : ex.key.key().org();
        String ip = ex.clientIp;
        String ua = ex.req.getHeader("user-agent");
        long headerOrder = headerOrderHash(ex);
        String ja4 = ex.ja4;
        var flavour = ex.endpoint.flavour();
        // Bodies of unauthenticated calls are not parsed: nobody should make the gateway parse JSON for free.
        RequestInfo parsed = ex.key == null ? RequestInfo.EMPTY : ex.info;
        byte[] body = parsed != null ? null : ex.bodyBytes();
        var usage = ex.usage.usage();
        long startMs = ex.startMs;
        int status = ex.status == 0 ? 500 : ex.status;
        String errorType = errorTypeOf(ex);
        boolean ok = sink.offerDeferred(() -> {
            RequestInfo info = parsed != null ? parsed : RequestScan.scan(flavour, body);
            return new Interaction(eventId(), Instant.ofEpochMilli(startMs), account, keyId, org, ip, ua,
                    new ClientFingerprint(FastHash.hex64(headerOrder), ja4), flavour, info.model(), info.params(),
                    info.messages(), info.conversationId(), usage, latencyMs, status, errorType, info.endUserId());
        });
        if (!ok) {
            metrics.captureDropped();
        }
    }

    private static String errorTypeOf(Exchange ex) {
        if (ex.status >= 200 && ex.status < 300 && ex.errorType == null) {
            return null;
        }
        return ex.errorType != null ? ex.errorType : "error";
    }

    /**
     * A 64-bit FNV-1a hash of the header names in the order the client sent them, lower-cased and comma-separated:
     * a client-library fingerprint. Computed in place on the event loop (no string built); formatted later.
     */
    static long headerOrderHash(Exchange ex) {
        long h = FastHash.FNV_OFFSET;
        boolean first = true;
        for (Map.Entry<String, String> e : ex.req.headers()) {
            if (!first) {
                h = (h ^ ',') * FastHash.FNV_PRIME;
            }
            first = false;
            String k = e.getKey();
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * FastHash.FNV_PRIME;
            }
        }
        return h;
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
