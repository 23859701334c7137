package dev.iolaus.gateway;

import dev.iolaus.gateway.capture.InteractionSink;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.enforce.DecisionIndex;
import dev.iolaus.gateway.fake.FakeUpstream;
import dev.iolaus.gateway.http.GatewayMetrics;
import dev.iolaus.gateway.http.GatewayServer;
import dev.iolaus.gateway.keys.KeyRegistry;
import dev.iolaus.gateway.keys.KeyStore;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.Json;
import dev.iolaus.model.Interaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The shared test setup: a fake upstream, a gateway in front of it with a recording sink, a temporary data
 * directory, and everything the suite produced (log lines, console output, events, issued secrets) kept for the
 * final key-leak scan.
 */
public final class Rig {
    /** Every secret issued by any test. */
    public static final Queue<String> SECRETS = new ConcurrentLinkedQueue<>();
    /** Every log record and console line seen during the suite. */
    public static final Queue<String> LOGS = new ConcurrentLinkedQueue<>();
    /** Every data directory used (scanned for secrets at the end). */
    public static final Queue<Path> DIRS = new ConcurrentLinkedQueue<>();
    /** Every rig started (their captured events are scanned at the end). */
    public static final Queue<Rig> ALL = new ConcurrentLinkedQueue<>();
    private static Rig shared;

    public final FakeUpstream fake;
    public final int fakePort;
    public final Path dataDir;
    public final KeyStore store;
    public final KeyRegistry keys;
    public final DecisionIndex decisions = new DecisionIndex();
    public final Queue<Interaction> captured = new ConcurrentLinkedQueue<>();
    public final GatewayServer gateway;
    public final int port;
    public final HttpClient http = HttpClient.newHttpClient();

    static {
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                LOGS.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage()
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(h);
        Logger.getLogger("").setLevel(java.util.logging.Level.ALL);
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    private static PrintStream tee(PrintStream orig) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                orig.write(b);
                if (b == '\n') {
                    LOGS.add(line.toString());
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true);
    }

    /** The rig shared by the HTTP test classes (started once). */
    public static synchronized Rig shared() {
        if (shared == null) {
            shared = new Rig(null, 1_000);
        }
        return shared;
    }

    /** A new rig with its own limits config (null for defaults) and upstream timeout. */
    public Rig(GatewayConfig.LimitsConfig limits, long timeoutMs) {
        try {
            dataDir = Files.createTempDirectory("iolaus-gw-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DIRS.add(dataDir);
        fake = new FakeUpstream(new FakeUpstream.Options(0, 0, 12, 0, "500", 1));
        fakePort = fake.start("127.0.0.1", 0);
        GatewayConfig cfg = new GatewayConfig("127.0.0.1:0", null, dataDir.toString(),
                new GatewayConfig.Upstreams(new GatewayConfig.Upstream("http://127.0.0.1:" + fakePort, null), null),
                timeoutMs, null, limits, new GatewayConfig.Challenge(403, "Please verify your account",
                "https://verify.example/start"), null, null, null, 1, null, null, null).validated();
        store = new KeyStore(dataDir);
        keys = new KeyRegistry(store);
        InteractionSink sink = i -> {
            captured.add(i);
            return true;
        };
        gateway = new GatewayServer(cfg, keys, decisions, sink, new GatewayMetrics());
        port = gateway.start();
        ALL.add(this);
    }

    /** Issues a key with no restriction. */
    public String key(String account) {
        return key(account, null, null, null, null);
    }

    /** Issues a key; the registry is reloaded so the gateway knows it at once. */
    public String key(String account, Instant expires, List<String> cidrs, Long rpm, Long tpm) {
        KeyStore.Issued k = store.create(account, "org-test", expires, cidrs, rpm, tpm);
        SECRETS.add(k.secret());
        keys.reload();
        return k.secret();
    }

    /** Base URL of the gateway. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Base URL of the fake upstream. */
    public String fakeBase() {
        return "http://127.0.0.1:" + fakePort;
    }

    /** POSTs JSON with headers (name, value, ...) and returns the response. */
    public HttpResponse<byte[]> post(String url, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GETs a URL with headers. */
    public HttpResponse<byte[]> get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 5 s) for a captured interaction matching the predicate. */
    public Interaction awaitCaptured(Predicate<Interaction> p) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            for (Interaction i : captured) {
                if (p.test(i)) {
                    return i;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no captured interaction matched; captured: " + captured.size());
    }

    /** The captured interactions as JSON lines (for scanning). */
    public List<String> capturedJson() {
        List<String> out = new ArrayList<>();
        for (Interaction i : captured) {
            out.add(Json.write(EventCodecs.INTERACTION, i));
        }
        return out;
    }

    /** A small map helper for tests. */
    public static Map<String, String> headers(HttpResponse<?> r) {
        Map<String, String> m = new java.util.TreeMap<>();
        r.headers().map().forEach((k, v) -> m.put(k, String.join(",", v)));
        return m;
    }
}
