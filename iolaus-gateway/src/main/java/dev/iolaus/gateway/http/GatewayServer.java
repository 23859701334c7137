package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.InteractionSink;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.keys.KeyRegistry;
import dev.iolaus.gateway.limit.RateLimiter;
import dev.iolaus.gateway.tls.Ja4EngineOptions;
import dev.iolaus.gateway.tls.Ja4Session;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's HTTP server (Vert.x): one server and one upstream client per event loop, every API call run
 * through the interceptor chain assembled in {@link #chain}, every ending observed by the {@link Recorder}.
 */
public final class GatewayServer implements AutoCloseable {
    /** Response header carrying the gateway's own time in milliseconds. */
    public static final String OVERHEAD_HEADER = "x-iolaus-overhead-ms";

    private final GatewayConfig config;
    private final KeyRegistry keys;
    private final Enforcement enforcement;
    private final InteractionSink sink;
    private final RateLimiter limiter;
    private final GatewayMetrics metrics;
    private final Upstream openai;
    private final Upstream anthropic;
    private Vertx vertx;
    private String transport = "nio";
    private volatile int port;
    private ScheduledExecutorService reloader;

    /** A gateway over these parts; call {@link #start()}. */
    public GatewayServer(GatewayConfig config, KeyRegistry keys, Enforcement enforcement, InteractionSink sink,
                         GatewayMetrics metrics) {
        this.config = config;
        this.keys = keys;
        this.enforcement = enforcement;
        this.sink = sink;
        this.metrics = metrics;
        this.limiter = new RateLimiter(config.effectiveLimits());
        this.openai = Upstream.of(config.upstreams().openai().baseUrl(), config.upstreams().openai().apiKeyEnv());
        this.anthropic = Upstream.of(config.upstreams().anthropic().baseUrl(),
                config.upstreams().anthropic().apiKeyEnv());
    }

    /**
     * The request chain, in order: authenticate, rate-limit, enforce, capture, proxy. Each step answers or calls
     * {@link Exchange#proceed()}; recording is not a step but the observer of every exchange's end.
     */
    Interceptor[] chain(HttpClient client) {
        return new Interceptor[] {
            new Authenticate(keys),
            new RateLimit(limiter, enforcement),
            new Enforce(enforcement, config.challenge()),
            new Capture(),
            new Proxy(client, openai, anthropic, config.upstreamTimeoutMs()),
        };
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start() {
        int loops = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
        EventLoops.Started started = EventLoops.start(new VertxOptions().setEventLoopPoolSize(loops));
        vertx = started.vertx();
        transport = started.transport();
        Recorder recorder = new Recorder(sink, limiter, enforcement, metrics);
        String host = GatewayConfig.host(config.listen());
        int wanted = GatewayConfig.port(config.listen());
        try {
            // Every loop binds the same address and Vert.x shares one listening socket among them, handing
            // connections to the loops' servers in turn. Two ways that went wrong, measured (one event loop serving
            // everything, the others idle): servers listening on "port 0" (always), and servers deployed as verticle
            // instances, whose contexts come from Vert.x' round robin of event loops while the first instance's
            // start takes one from it too (two servers on one loop in 3 starts of 10). So port 0 becomes a free port
            // chosen here, and each server starts on a context built for one event loop of the group.
            int bindPort = wanted == 0 && loops > 1 ? freePort(host) : wanted;
            for (io.netty.util.concurrent.EventExecutor e : ((VertxInternal) vertx).nettyEventLoopGroup()) {
                ContextInternal ctx = ((VertxInternal) vertx).contextBuilder()
                        .withEventLoop((io.netty.channel.EventLoop) e).build();
                CompletableFuture<Object> listening = new CompletableFuture<>();
                ctx.runOnContext(v -> new Loop(recorder, host, bindPort).start().onComplete(ar -> {
                    if (ar.succeeded()) {
                        listening.complete(null);
                    } else {
                        listening.completeExceptionally(ar.cause());
                    }
                }));
                listening.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            close();
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + config.listen() + ": " + c.getMessage(), c);
        }
        reloader = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("iolaus-keys").unstarted(r));
        reloader.scheduleWithFixedDelay(keys::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        return port;
    }

    private static int freePort(String host) throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    /** The network transport in use: {@code io_uring}, {@code epoll} (native, Linux) or {@code nio}. */
    public String transport() {
        return transport;
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The metrics exposed at the configured path. */
    public GatewayMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Closing anyway.
            }
        }
    }

    /** One event loop's server and upstream client, started on that loop's context. */
    private final class Loop {
        private final Recorder recorder;
        private final String host;
        private final int bindPort;
        private final boolean tls = config.tls() != null;
        private Interceptor[] steps;

        Loop(Recorder recorder, String host, int bindPort) {
            this.recorder = recorder;
            this.host = host;
            this.bindPort = bindPort;
        }

        Future<?> start() {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                            .setPipelining(false).setTcpNoDelay(true).setMaxInitialLineLength(16384),
                    new PoolOptions().setHttp1MaxSize(512));
            steps = chain(client);
            HttpServerOptions so = new HttpServerOptions().setHost(host).setPort(bindPort).setTcpNoDelay(true)
                    .setReuseAddress(true);
            if (config.tls() != null) {
                // The JDK engine, wrapped to read each connection's ClientHello for its JA4 (once per connection).
                so.setSsl(true).setSslEngineOptions(new Ja4EngineOptions())
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tls().certFile())
                        .setKeyPath(config.tls().keyFile()));
            }
            HttpServer server = vertx.createHttpServer(so).requestHandler(this::handle);
            return server.listen().onSuccess(s -> {
                if (port == 0) {
                    port = s.actualPort();
                }
            });
        }

        private void handle(HttpServerRequest req) {
            String path = req.path();
            Endpoint ep = Endpoint.match(path);
            if (ep == null) {
                other(req, path);
                return;
            }
            Exchange ex = new Exchange(req, ep, steps, recorder);
            ex.clientIp = clientIp(req);
            if (tls) {
                // One lookup per request: the JA4 was computed when the connection's ClientHello arrived.
                ex.ja4 = Ja4Session.ja4Of(req.sslSession());
            }
            String cl = req.getHeader("content-length");
            if (cl != null && cl.length() < 19 && Long.parseLong(cl.trim()) > config.maxBodyBytes()) {
                ex.reject(ErrorShape.Kind.TOO_LARGE, null, "too_large",
                        "Request body larger than " + config.maxBodyBytes() + " bytes.", null);
                req.connection().close();
                return;
            }
            req.body().onComplete(ar -> {
                if (ar.failed()) {
                    ex.status = 400;
                    ex.errorType = "client_closed";
                    ex.complete();
                    return;
                }
                ex.body = ar.result();
                ex.proceed();
            });
        }

        private void other(HttpServerRequest req, String path) {
            var resp = req.response().putHeader(OVERHEAD_HEADER, "0.000");
            if (!config.metricsPath().isEmpty() && path.equals(config.metricsPath())) {
                resp.putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
            } else if (path.equals("/healthz")) {
                resp.putHeader("content-type", "application/json").end("{\"status\":\"ok\"}");
            } else {
                resp.setStatusCode(404).putHeader("content-type", "application/json")
                        .end(ErrorShape.body(path.startsWith("/v1/messages"), ErrorShape.Kind.NOT_FOUND, null,
                                "Unknown path " + path.replaceAll("[^\\w/.-]", "") + "."));
            }
        }

        private String clientIp(HttpServerRequest req) {
            if (config.trustForwardedFor()) {
                String xff = req.getHeader("x-forwarded-for");
                if (xff != null && !xff.isBlank()) {
                    int comma = xff.indexOf(',');
                    return (comma < 0 ? xff : xff.substring(0, comma)).trim();
                }
            }
            return req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
        }
    }
}
