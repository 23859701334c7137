package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.EndUser;
import dev.iolaus.gateway.capture.RequestInfo;
import dev.iolaus.gateway.capture.UsageMeter;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.keys.KeyRegistry;
import dev.iolaus.model.Decision;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/**
 * One call passing through the gateway: the request, what the steps learned about it, and how it ended.
 *
 * <p>Owned by one event loop from start to end, so fields are plain. {@link #proceed()} runs the next step of the
 * chain; {@link #reject} answers with an error in the endpoint's shape; either way {@link #complete()} runs the
 * observer exactly once when the response is over.
 */
public final class Exchange {
    final HttpServerRequest req;
    final Endpoint endpoint;
    final long startNanos = System.nanoTime();
    final long startMs = System.currentTimeMillis();
    private final Interceptor[] steps;
    private final Consumer<Exchange> observer;
    private int next;

    Buffer body;
    private byte[] bodyBytes;
    RequestInfo info;
    String clientIp;
    /** JA4 of the connection's TLS ClientHello when the gateway terminated TLS, else null. */
    String ja4;
    KeyRegistry.Entry key;
    String campaign;
    private Decision decision;
    private boolean decisionLooked;
    private String endUser;
    private boolean endUserLooked;
    /** Set by enforcement when a shadow decision would have applied. */
    Decision shadow;

    /** Body to send upstream when capture had to change it, else null (the client's body is sent). */
    Buffer upstreamBody;
    boolean stripUsage;
    final UsageMeter usage = new UsageMeter();
    long upstreamSentNanos;
    long upstreamHeadersNanos;

    int status;
    String errorType;
    private boolean completed;

    Exchange(HttpServerRequest req, Endpoint endpoint, Interceptor[] steps, Consumer<Exchange> observer) {
        this.req = req;
        this.endpoint = endpoint;
        this.steps = steps;
        this.observer = observer;
    }

    /** Runs the next step of the chain. */
    public void proceed() {
        try {
            steps[next++].handle(this);
        } catch (RuntimeException e) {
            // A bug in a step must still answer the caller and be recorded, never leave the call hanging.
            System.getLogger("dev.iolaus.gateway").log(System.Logger.Level.ERROR,
                    "gateway step failed: " + e, e);
            reject(ErrorShape.Kind.INTERNAL, null, "gateway_error", "The gateway failed to process the request.",
                    null);
        }
    }

    /** The account, or null before authentication (or when it failed). */
    public String account() {
        return key == null ? null : key.key().account();
    }

    /** The key id, or null. */
    public String keyId() {
        return key == null ? null : key.key().id();
    }

    /** The strongest enforced decision for this caller (its end user included), looked up once. */
    Decision decision(Enforcement enforcement) {
        if (!decisionLooked) {
            decisionLooked = true;
            decision = enforcement.lookup(account(), endUser(enforcement), keyId(), clientIp, startMs);
        }
        return decision;
    }

    /**
     * The end user the body names, as far as enforcement cares: the body (complete before the first step runs) is
     * read for it, in one streaming pass, only when some decision targets an end user of this account, so other
     * calls pay nothing here. Capture reads it again, for every call, off the event loop ({@code RequestScan}).
     */
    String endUser(Enforcement enforcement) {
        if (!endUserLooked) {
            endUserLooked = true;
            String account = account();
            endUser = account != null && enforcement.hasEndUserDecisions(account)
                    ? EndUser.scan(endpoint.flavour(), bodyBytes()) : null;
        }
        return endUser;
    }

    /** The request body as parsed for capture (parsed on first use). */
    RequestInfo info() {
        if (info == null) {
            info = RequestInfo.parse(endpoint.flavour(), bodyBytes());
        }
        return info;
    }

    /** Milliseconds the gateway itself has spent so far (upstream time excluded). */
    String overheadMs() {
        long now = System.nanoTime();
        long own = upstreamSentNanos == 0 ? now - startNanos
                : (upstreamSentNanos - startNanos) + (now - upstreamHeadersNanos);
        return millis3(own);
    }

    /** Nanoseconds as milliseconds with 3 decimals ("0.042"), rounded: String.format costs more than the proxying. */
    static String millis3(long nanos) {
        long micros = Math.max(0, (nanos + 500) / 1_000);
        long frac = micros % 1_000;
        return (micros / 1_000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
    }

    /** The request body's bytes, copied once (capture and the usage opt-in both read them). */
    byte[] bodyBytes() {
        if (bodyBytes == null && body != null) {
            bodyBytes = body.getBytes();
        }
        return bodyBytes;
    }

    /** Answers with a gateway error in the endpoint's shape, and completes. */
    public void reject(ErrorShape.Kind kind, String code, String errorType, String message, String retryAfter) {
        HttpServerResponse resp = req.response();
        this.status = kind.status();
        this.errorType = errorType;
        if (resp.headWritten() || resp.ended()) {
            if (!resp.ended() && !resp.closed()) {
                // Too late for a clean error: cut the connection rather than leave a half-answer hanging.
                resp.reset();
            }
            complete();
            return;
        }
        resp.setStatusCode(kind.status());
        resp.putHeader("content-type", "application/json");
        if (retryAfter != null) {
            resp.putHeader("retry-after", retryAfter);
        }
        if (endpoint != null && endpoint.anthropic() && errorType != null) {
            resp.putHeader("x-should-retry", kind == ErrorShape.Kind.RATE_LIMITED ? "true" : "false");
        }
        resp.putHeader(GatewayServer.OVERHEAD_HEADER, overheadMs());
        resp.end(ErrorShape.body(endpoint != null && endpoint.anthropic(), kind, code, message));
        complete();
    }

    /** Marks the exchange over and runs the observer, once. */
    void complete() {
        if (!completed) {
            completed = true;
            observer.accept(this);
        }
    }
}
