package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.SseTap;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Step 5, the last: sends the call upstream and streams the answer back chunk by chunk as it arrives, with
 * backpressure. Upstream failures become well-formed errors: 502 or 504 in the endpoint's shape before the
 * response started, an error event in the stream's own shape after.
 */
final class Proxy implements Interceptor {
    // Case-insensitive sets: header names are compared without allocating lower-case copies.
    private static final Set<String> HOP = caseInsensitive("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "authorization", "x-api-key", "accept-encoding");
    private static final Set<String> HOP_RESPONSE = caseInsensitive("connection", "keep-alive", "transfer-encoding",
            "content-length", "trailer", "upgrade");

    private static Set<String> caseInsensitive(String... names) {
        java.util.TreeSet<String> s = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(java.util.List.of(names));
        return java.util.Collections.unmodifiableSet(s);
    }

    private final HttpClient client;
    private final Map<Boolean, Upstream> upstreams;
    private final long idleTimeoutMs;

    Proxy(HttpClient client, Upstream openai, Upstream anthropic, long idleTimeoutMs) {
        this.client = client;
        this.upstreams = Map.of(Boolean.FALSE, openai, Boolean.TRUE, anthropic);
        this.idleTimeoutMs = idleTimeoutMs;
    }

    @Override
    public void handle(Exchange ex) {
        Upstream up = upstreams.get(ex.endpoint.anthropic());
        RequestOptions o = new RequestOptions().setMethod(ex.req.method()).setHost(up.host()).setPort(up.port())
                .setSsl(up.ssl()).setURI(up.basePath() + ex.req.uri()).setIdleTimeout(idleTimeoutMs)
                .setConnectTimeout(Math.min(idleTimeoutMs, 10_000));
        Buffer body = ex.upstreamBody != null ? ex.upstreamBody : ex.body;
        client.request(o).onComplete(ar -> {
            if (ar.failed()) {
                fail(ex, ar.cause());
                return;
            }
            HttpClientRequest creq = ar.result();
            // Headers go straight onto the upstream request (an intermediate map in the options is copied again).
            MultiMap h = creq.headers();
            for (Map.Entry<String, String> e : ex.req.headers()) {
                if (!HOP.contains(e.getKey())) {
                    h.add(e.getKey(), e.getValue());
                }
            }
            if (up.providerKey() != null) {
                if (ex.endpoint.anthropic()) {
                    h.set("x-api-key", up.providerKey());
                } else {
                    h.set("authorization", "Bearer " + up.providerKey());
                }
            }
            ex.req.response().closeHandler(v -> {
                if (!ex.req.response().ended()) {
                    creq.reset();
                    ex.status = 499;
                    ex.errorType = "client_closed";
                    ex.complete();
                }
            });
            ex.upstreamSentNanos = System.nanoTime();
            creq.send(body == null ? Buffer.buffer() : body).onComplete(rr -> {
                if (rr.failed()) {
                    fail(ex, rr.cause());
                } else {
                    relay(ex, rr.result());
                }
            });
        });
    }

    private void relay(Exchange ex, HttpClientResponse cres) {
        ex.upstreamHeadersNanos = System.nanoTime();
        HttpServerResponse resp = ex.req.response();
        // A response starts as 200 OK: setting the same status again costs a status object per call.
        if (cres.statusCode() != 200 || !"OK".equals(cres.statusMessage())) {
            resp.setStatusCode(cres.statusCode());
            resp.setStatusMessage(cres.statusMessage());
        }
        for (Map.Entry<String, String> e : cres.headers()) {
            if (!HOP_RESPONSE.contains(e.getKey())) {
                resp.headers().add(e.getKey(), e.getValue());
            }
        }
        String ct = cres.getHeader("content-type");
        boolean sse = ct != null && ct.startsWith("text/event-stream");
        String len = cres.getHeader("content-length");
        if (len != null && !ex.stripUsage) {
            resp.putHeader("content-length", len);
        } else {
            resp.setChunked(true);
        }
        ex.status = cres.statusCode();
        if (ex.status >= 400) {
            ex.errorType = ex.status >= 500 ? "upstream_error" : "upstream_rejected";
        }
        resp.putHeader(GatewayServer.OVERHEAD_HEADER, ex.overheadMs());
        SseTap tap = sse ? new SseTap(ex.usage, ex.stripUsage) : null;
        Buffer whole = sse ? null : Buffer.buffer();
        cres.handler(chunk -> {
            if (resp.closed()) {
                return;
            }
            Buffer out = chunk;
            if (tap != null) {
                out = tap.process(chunk);
            } else if (whole.length() < (4 << 20)) {
                whole.appendBuffer(chunk);
            }
            if (out.length() > 0) {
                resp.write(out);
                if (resp.writeQueueFull()) {
                    cres.pause();
                    resp.drainHandler(v -> cres.resume());
                }
            }
        });
        cres.exceptionHandler(err -> failMidStream(ex, tap, err));
        cres.endHandler(v -> {
            if (tap != null) {
                Buffer rest = tap.flush();
                if (rest.length() > 0) {
                    resp.write(rest);
                }
            } else if (whole.length() > 0) {
                ex.usage.observeBody(whole.getBytes(), whole.length());
            }
            if (!resp.ended() && !resp.closed()) {
                resp.end();
            }
            ex.complete();
        });
    }

    private static void failMidStream(Exchange ex, SseTap tap, Throwable err) {
        HttpServerResponse resp = ex.req.response();
        boolean timeout = err instanceof TimeoutException;
        ex.status = timeout ? 504 : 502;
        ex.errorType = timeout ? "upstream_timeout" : "upstream_reset";
        if (!resp.ended() && !resp.closed()) {
            if (tap != null) {
                // The client already has a 200 and part of the stream: end it with the API's own error event.
                resp.write(ErrorShape.streamEvent(ex.endpoint.anthropic(),
                        timeout ? ErrorShape.Kind.TIMEOUT : ErrorShape.Kind.BAD_GATEWAY,
                        timeout ? "The upstream model server stopped responding." : "The upstream connection was lost."));
                resp.end();
            } else {
                // A JSON body cut short cannot be repaired: close so the client sees a failed read, not bad JSON.
                resp.reset();
            }
        }
        ex.complete();
    }

    private static void fail(Exchange ex, Throwable err) {
        boolean timeout = err instanceof TimeoutException
                || (err.getMessage() != null && err.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout"));
        if (timeout) {
            ex.reject(ErrorShape.Kind.TIMEOUT, null, "upstream_timeout",
                    "The upstream model server did not answer in time.", null);
        } else {
            ex.reject(ErrorShape.Kind.BAD_GATEWAY, null, "upstream_unavailable",
                    "The upstream model server could not be reached or closed the connection.", null);
        }
    }
}
