package dev.iolaus.gateway.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, fast fake model server with the OpenAI and Anthropic APIs the gateway proxies: deterministic answers
 * (same request, same bytes), SSE streams, configurable latency and token counts, and failure injection.
 *
 * <p>Failures are injected per request with the header {@code x-fake-fail} or a model name containing
 * {@code fail-500}, {@code fail-timeout} or {@code fail-reset} (the SDKs can set either), or at random with
 * {@link Options#failRate()}: {@code 500} answers a 5xx error, {@code timeout} never answers, {@code reset}
 * closes the connection in the middle of the (streamed) body.
 */
public final class FakeUpstream implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Options options;
    private final AtomicInteger requests = new AtomicInteger();
    private Vertx vertx;
    private volatile int port;

    /**
     * Settings.
     *
     * @param latencyMs delay before the response starts
     * @param chunkDelayMs delay between stream chunks
     * @param outputTokens output tokens per answer (capped by the request's max tokens)
     * @param failRate share of requests failed at random, in [0, 1]
     * @param failMode failure used for random failures: 500, timeout or reset
     * @param eventLoops event-loop threads
     */
    public record Options(long latencyMs, long chunkDelayMs, int outputTokens, double failRate, String failMode,
                          int eventLoops) {
        /** Defaults: no delay, 16 output tokens, no random failures, one loop per core. */
        public static final Options DEFAULTS = new Options(0, 0, 16, 0, "500",
                Runtime.getRuntime().availableProcessors());

        public Options {
            if (latencyMs < 0 || chunkDelayMs < 0 || outputTokens < 1 || failRate < 0 || failRate > 1) {
                throw new IllegalArgumentException("latency and delays must be >= 0, tokens >= 1, fail rate in [0, 1]");
            }
            if (!failMode.equals("500") && !failMode.equals("timeout") && !failMode.equals("reset")) {
                throw new IllegalArgumentException("fail mode must be 500, timeout or reset, was '" + failMode + "'");
            }
        }
    }

    /** A fake with these options; call {@link #start(String, int)}. */
    public FakeUpstream(Options options) {
        this.options = options;
    }

    /** Starts listening; returns the bound port (0 picks one). */
    public int start(String host, int wantedPort) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, options.eventLoops()))
                .setPreferNativeTransport(true));
        try {
            vertx.deployVerticle(() -> new Loop(host, wantedPort), new DeploymentOptions()
                    .setInstances(Math.max(1, options.eventLoops()))).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen on " + host + ":" + wantedPort + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        return port;
    }

    /** Runs a fake from the command line: {@code FakeUpstream HOST:PORT [EVENT_LOOPS]} (used by the benchmark). */
    public static void main(String[] args) throws InterruptedException {
        String listen = args.length > 0 ? args[0] : "127.0.0.1:9000";
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int i = listen.lastIndexOf(':');
        FakeUpstream f = new FakeUpstream(new Options(0, 0, 16, 0, "500", loops));
        int port = f.start(listen.substring(0, i), Integer.parseInt(listen.substring(i + 1)));
        System.out.println("listening " + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Closing anyway.
            }
        }
    }

    private final class Loop extends VerticleBase {
        private final String host;
        private final int bindPort;

        Loop(String host, int bindPort) {
            this.host = host;
            this.bindPort = bindPort;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(bindPort).setTcpNoDelay(true)
                            .setReuseAddress(true))
                    .requestHandler(this::handle).listen().onSuccess(s -> {
                        if (port == 0) {
                            port = s.actualPort();
                        }
                    });
        }

        private void handle(HttpServerRequest req) {
            requests.incrementAndGet();
            req.body().onSuccess(body -> {
                JsonNode json = parse(body);
                String fail = failure(req, json);
                if ("timeout".equals(fail)) {
                    return; // Never answer.
                }
                Runnable answer = () -> answer(req, req.path(), json, fail);
                if (options.latencyMs() > 0) {
                    vertx.setTimer(options.latencyMs(), t -> answer.run());
                } else {
                    answer.run();
                }
            });
        }

        private void answer(HttpServerRequest req, String path, JsonNode json, String fail) {
            HttpServerResponse resp = req.response();
            boolean anthropic = path.startsWith("/v1/messages");
            if ("500".equals(fail)) {
                resp.setStatusCode(500).putHeader("content-type", "application/json").end(anthropic
                        ? "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"injected failure\"}}"
                        : "{\"error\":{\"message\":\"injected failure\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
                return;
            }
            Answers a = new Answers(json, options.outputTokens());
            switch (path) {
                case "/v1/chat/completions", "/v1/completions", "/v1/responses", "/v1/messages" -> {
                    if (json.path("stream").asBoolean(false)) {
                        stream(req, a.events(path), "reset".equals(fail));
                    } else if ("reset".equals(fail)) {
                        resp.setChunked(true).putHeader("content-type", "application/json");
                        resp.write("{\"id\":\"partial");
                        vertx.setTimer(5, t -> req.connection().close());
                    } else {
                        json(resp, a.body(path));
                    }
                }
                case "/v1/embeddings" -> json(resp, a.embeddings());
                case "/v1/messages/count_tokens" -> json(resp, "{\"input_tokens\":" + a.inputTokens() + "}");
                case "/v1/models" -> json(resp, Answers.models());
                default -> resp.setStatusCode(404).putHeader("content-type", "application/json")
                        .end("{\"error\":{\"message\":\"no such path\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
            }
        }

        private void stream(HttpServerRequest req, java.util.List<String> events, boolean reset) {
            HttpServerResponse resp = req.response();
            resp.setChunked(true).putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
            int cut = reset ? Math.max(1, events.size() / 2) : Integer.MAX_VALUE;
            String d = req.getHeader("x-fake-chunk-delay-ms");
            long delay = d == null ? options.chunkDelayMs() : Long.parseLong(d);
            if (delay == 0 && !reset) {
                for (String e : events) {
                    resp.write(e);
                }
                resp.end();
                return;
            }
            sendFrom(req, events, 0, cut, delay);
        }

        private void sendFrom(HttpServerRequest req, java.util.List<String> events, int i, int cut, long delay) {
            HttpServerResponse resp = req.response();
            if (i >= cut) {
                req.connection().close();
                return;
            }
            if (i >= events.size()) {
                resp.end();
                return;
            }
            resp.write(events.get(i));
            vertx.setTimer(Math.max(1, delay), t -> sendFrom(req, events, i + 1, cut, delay));
        }

        private void json(HttpServerResponse resp, String body) {
            resp.putHeader("content-type", "application/json").end(Buffer.buffer(body));
        }

        private String failure(HttpServerRequest req, JsonNode json) {
            String h = req.getHeader("x-fake-fail");
            if (h != null) {
                return h;
            }
            String model = json.path("model").asText("");
            if (model.contains("fail-500")) {
                return "500";
            }
            if (model.contains("fail-timeout")) {
                return "timeout";
            }
            if (model.contains("fail-reset")) {
                return "reset";
            }
            if (options.failRate() > 0 && ThreadLocalRandom.current().nextDouble() < options.failRate()) {
                return options.failMode();
            }
            return null;
        }
    }

    private static JsonNode parse(Buffer body) {
        if (body.length() == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body.getBytes());
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
