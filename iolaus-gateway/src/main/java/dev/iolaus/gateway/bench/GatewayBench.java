package dev.iolaus.gateway.bench;

import dev.iolaus.gateway.Gateway;
import dev.iolaus.gateway.capture.InteractionFile;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.keys.KeyStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code iolaus bench gateway}: the gateway against calling the fake upstream directly and against nginx
 * reverse-proxying the same upstream, on loopback, in bounded time.
 *
 * <p>The fake upstream runs in its own JVM, nginx in its own processes, the load tools ({@code wrk}, {@code hey})
 * as processes; the gateway runs in this JVM with capture on (interactions written as JSONL by the capture thread,
 * as {@code iolaus serve} does) and rate limits on (a key with a limit too high to trigger).
 */
public final class GatewayBench {
    static final String BODY = "{\"model\":\"bench\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in five words.\"}]}";
    static final String STREAM_BODY = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Stream a short answer.\"}]}";

    /**
     * Settings.
     *
     * @param seconds length of each measured run
     * @param warmupSeconds warm-up before measuring (the JIT needs it)
     * @param connections wrk connections
     * @param rate fixed rate for the overhead measurement, requests/s
     * @param rounds saturation rounds (direct, gateway and nginx each measured once per round)
     */
    public record Options(int seconds, int warmupSeconds, int connections, int rate, int rounds) {
        /** Default saturation rounds: the median of five alternated rounds. */
        public static final int DEFAULT_ROUNDS = 5;

        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
            }
        }

        /** Settings with the default number of saturation rounds. */
        public Options(int seconds, int warmupSeconds, int connections, int rate) {
            this(seconds, warmupSeconds, connections, rate, DEFAULT_ROUNDS);
        }
    }

    private final Options o;
    private final PrintStream log;
    private final BenchEngine engine;

    /** A bench printing progress to {@code log}, capture to JSONL only. */
    public GatewayBench(Options o, PrintStream log) {
        this(o, log, null);
    }

    /** A bench printing progress to {@code log}, with {@code engine} (or null) fed beside the JSONL capture. */
    public GatewayBench(Options o, PrintStream log, BenchEngine engine) {
        this.o = o;
        this.log = log;
        this.engine = engine;
    }

    /** Runs everything; returns the results as an ordered map (the JSON document). */
    public Map<String, Object> run() throws Exception {
        boolean wrk = LoadTools.available("wrk");
        boolean hey = LoadTools.available("hey");
        boolean nginx = LoadTools.available("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx"));
        if (!wrk || !hey || !nginx) {
            log.println("bench gateway: missing tools: " + (wrk ? "" : "wrk ") + (hey ? "" : "hey ")
                    + (nginx ? "" : "nginx ") + "(Debian: apt-get install -y nginx wrk hey); those parts are skipped");
        }
        Path work = Files.createTempDirectory("iolaus-bench-gw");
        Process fake = null;
        Process nginxProc = null;
        Gateway gw = null;
        InteractionFile capture = null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("load_average_start", Saturation.loadAverage());
        try {
            int upPort = freePort();
            fake = startFake(upPort, work);
            String up = "http://127.0.0.1:" + upPort;
            GatewayConfig cfg = new GatewayConfig("127.0.0.1:0", null, work.resolve("data").toString(),
                    new GatewayConfig.Upstreams(new GatewayConfig.Upstream(up, null), null), 30_000L, null,
                    // Limits stay on (every call takes from a key and an account bucket) but never refuse.
                    new GatewayConfig.LimitsConfig(1_000_000_000L, 10_000_000_000L, 1_000_000_000L,
                            10_000_000_000L, null, null, null, null, null),
                    null, null, null, null, 0, null, null, null).validated();
            KeyStore.Issued key = new KeyStore(cfg.dataPath()).create("bench", null, null, null,
                    1_000_000_000L, 10_000_000_000L);
            capture = new InteractionFile(cfg.dataPath().resolve("interactions.jsonl"));
            InteractionFile file = capture;
            gw = Gateway.start(cfg, engine == null ? capture : i -> {
                file.accept(i);
                engine.hook().accept(i);
            });
            if (engine != null) {
                engine.attach(gw.enforcement());
            }
            out.put("gateway_transport", gw.transport());
            String gwUrl = "http://127.0.0.1:" + gw.port() + "/v1/chat/completions";
            String directUrl = up + "/v1/chat/completions";
            List<String> headers = List.of("Content-Type", "application/json", "Authorization", "Bearer " + key.secret());
            String nginxUrl = null;
            if (nginx) {
                int np = freePort();
                nginxProc = startNginx(np, upPort, work);
                nginxUrl = "http://127.0.0.1:" + np + "/v1/chat/completions";
            }

            if (wrk) {
                log.println("warm-up " + o.warmupSeconds() + " s (direct, gateway" + (nginx ? ", nginx" : "") + ")...");
                LoadTools.wrk(directUrl, BODY, headers, o.connections(), Math.max(2, o.warmupSeconds() / 3), work);
                LoadTools.wrk(gwUrl, BODY, headers, o.connections(), o.warmupSeconds(), work);
                if (nginx) {
                    LoadTools.wrk(nginxUrl, BODY, headers, o.connections(), Math.max(2, o.warmupSeconds() / 3), work);
                }
                log.println("saturation: " + o.rounds() + " rounds, gateway and nginx back to back in each...");
                List<Saturation.Round> rounds = Saturation.run(new Saturation.Targets(directUrl, fake.toHandle(),
                        gwUrl, ProcessHandle.current(), nginxUrl, nginx ? nginxProc.toHandle() : null, BODY, headers,
                        o.connections(), o.seconds()), o.rounds(), work, log);
                // Per-side medians over the rounds; the ratio is the median of each round's own ratio.
                out.put("direct", json(Saturation.median(rounds, Saturation.Round::direct)));
                out.put("gateway", json(Saturation.median(rounds, Saturation.Round::gateway)));
                if (nginx) {
                    out.put("nginx", json(Saturation.median(rounds, Saturation.Round::nginx)));
                    out.put("capacity_ratio_vs_nginx", round(Saturation.medianRatio(rounds)));
                    // Medians over the rounds; null where the OS does not report CPU time.
                    Map<String, Object> cpu = new LinkedHashMap<>();
                    cpu.put("direct", Saturation.cpu(Saturation.medianOf(rounds, Saturation.Round::directCpuUs)));
                    cpu.put("gateway", Saturation.cpu(Saturation.medianOf(rounds, Saturation.Round::gatewayCpuUs)));
                    cpu.put("nginx", Saturation.cpu(Saturation.medianOf(rounds, Saturation.Round::nginxCpuUs)));
                    out.put("cpu_us_per_call", cpu);
                    log.printf(Locale.ROOT, "  capacity ratio vs nginx: median %.3f over %d rounds%n",
                            Saturation.medianRatio(rounds), rounds.size());
                } else {
                    out.put("nginx", null);
                    out.put("capacity_ratio_vs_nginx", null);
                }
                out.put("capacity_rounds", Saturation.json(rounds));
                out.put("load_average_after_saturation", Saturation.loadAverage());
            }
            log.println("steady " + o.rate() + " req/s for " + o.seconds() + " s (fixed-rate generator, own process),"
                    + " direct and gateway measured at the same time...");
            LoadTools.Result[] d = new LoadTools.Result[2];
            LoadTools.Result[] g = new LoadTools.Result[2];
            for (int i = 0; i < 2; i++) {
                // Direct and gateway run simultaneously (each at the full rate), so the stalls of a shared machine
                // hit both sides alike instead of whichever happened to run then.
                int half = Math.max(2, o.seconds() / 2);
                var direct = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return rateProbe(upPort, "", half);
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
                g[i] = rateProbe(gw.port(), "Authorization: Bearer " + key.secret(), half);
                d[i] = direct.join();
            }
            LoadTools.Result dm = median(d);
            LoadTools.Result gm = median(g);
            log.printf(Locale.ROOT, "  direct  %.0f req/s p50 %.3f ms p99 %.3f ms%n", dm.rps(), dm.p50Ms(), dm.p99Ms());
            log.printf(Locale.ROOT, "  gateway %.0f req/s p50 %.3f ms p99 %.3f ms%n", gm.rps(), gm.p50Ms(), gm.p99Ms());
            out.put("steady_rate", o.rate());
            out.put("steady_direct", json(dm));
            out.put("steady_gateway", json(gm));
            out.put("overhead_p50_ms", round(gm.p50Ms() - dm.p50Ms()));
            out.put("overhead_p99_ms", round(gm.p99Ms() - dm.p99Ms()));
            if (hey) {
                // Cross-check with Debian's hey (0.1 ms resolution in its report).
                LoadTools.Result hd = LoadTools.hey(directUrl, BODY, headers, o.rate(), o.seconds());
                LoadTools.Result hg = LoadTools.hey(gwUrl, BODY, headers, o.rate(), o.seconds());
                log.printf(Locale.ROOT, "  hey: direct p50 %.1f p99 %.1f ms, gateway p50 %.1f p99 %.1f ms%n",
                        hd.p50Ms(), hd.p99Ms(), hg.p50Ms(), hg.p99Ms());
                out.put("hey_overhead_p50_ms", round(hg.p50Ms() - hd.p50Ms()));
                out.put("hey_overhead_p99_ms", round(hg.p99Ms() - hd.p99Ms()));
            }
            log.println("streaming time to first byte and chunk gaps...");
            out.put("streaming", streaming(up + "/v1/chat/completions", gwUrl, key.secret()));
            var st = gw.capture().stats();
            out.put("captured", Map.of("offered", st.offered(), "spilled", st.spilled(), "delivered", st.delivered()));
            out.put("engine", engine == null ? null : engine.describe());
        } finally {
            if (gw != null) {
                gw.close();
            }
            if (capture != null) {
                capture.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (nginxProc != null) {
                nginxProc.destroy();
                nginxProc.waitFor(5, TimeUnit.SECONDS);
            }
            if (fake != null) {
                fake.destroy();
                fake.waitFor(5, TimeUnit.SECONDS);
            }
            deleteTree(work);
        }
        return out;
    }

    private LoadTools.Result rateProbe(int port, String header, int seconds) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RateProbe.class.getName(), "127.0.0.1", Integer.toString(port), "/v1/chat/completions",
                Integer.toString(o.rate()), Integer.toString(seconds), "10", BODY));
        if (!header.isEmpty()) {
            cmd.add(header);
        }
        String[] lines = LoadTools.run(cmd, seconds + 60).strip().split("\n");
        String[] f = lines[lines.length - 1].strip().split("\\s+");
        if (!f[3].equals("0")) {
            throw new IllegalStateException("fixed-rate run had " + f[3] + " failed requests");
        }
        return new LoadTools.Result(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    private static LoadTools.Result median(LoadTools.Result[] r) {
        // Two halves: their mean (a median of two).
        return new LoadTools.Result((r[0].rps() + r[1].rps()) / 2, (r[0].p50Ms() + r[1].p50Ms()) / 2,
                (r[0].p99Ms() + r[1].p99Ms()) / 2);
    }

    /** Median time to first byte (direct vs gateway, alternating) and mean gap between chunks with 5 ms spacing. */
    private Map<String, Object> streaming(String direct, String gateway, String key) throws Exception {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The streaming path (SSE tap, usage stripping) is not exercised by the wrk runs: warm it up first.
        int n = 1_000;
        double[] dt = new double[n];
        double[] gt = new double[n];
        for (int i = -3_000; i < n; i++) {
            double a = ttfb(c, direct, key, null);
            double b = ttfb(c, gateway, key, null);
            if (i >= 0) {
                dt[i] = a;
                gt[i] = b;
            }
        }
        Arrays.sort(dt);
        Arrays.sort(gt);
        double gapDirect = 0;
        double gapGateway = 0;
        int m = 20;
        for (int i = 0; i < m; i++) {
            gapDirect += meanGap(c, direct, key);
            gapGateway += meanGap(c, gateway, key);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ttfb_direct_p50_ms", round(dt[n / 2]));
        s.put("ttfb_gateway_p50_ms", round(gt[n / 2]));
        s.put("ttfb_overhead_ms", round(gt[n / 2] - dt[n / 2]));
        s.put("chunk_gap_direct_ms", round(gapDirect / m));
        s.put("chunk_gap_gateway_ms", round(gapGateway / m));
        log.printf(Locale.ROOT, "  ttfb p50 direct %.3f ms, gateway %.3f ms; chunk gap direct %.2f ms, gateway %.2f ms%n",
                dt[n / 2], gt[n / 2], gapDirect / m, gapGateway / m);
        return s;
    }

    private static double ttfb(HttpClient c, String url, String key, String delay) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .header("authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(STREAM_BODY));
        if (delay != null) {
            b.header("x-fake-chunk-delay-ms", delay);
        }
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = c.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            in.read();
            double ms = (System.nanoTime() - t0) / 1e6;
            in.readAllBytes();
            return ms;
        }
    }

    private static double meanGap(HttpClient c, String url, String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .header("authorization", "Bearer " + key).header("x-fake-chunk-delay-ms", "5")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM_BODY)).build();
        HttpResponse<InputStream> r = c.send(req, HttpResponse.BodyHandlers.ofInputStream());
        List<Long> times = new ArrayList<>();
        try (InputStream in = r.body()) {
            byte[] buf = new byte[8192];
            while (in.read(buf) > 0) {
                times.add(System.nanoTime());
            }
        }
        if (times.size() < 2) {
            return 0;
        }
        return (times.get(times.size() - 1) - times.get(0)) / 1e6 / (times.size() - 1);
    }

    private Process startFake(int port, Path work) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.iolaus.gateway.fake.FakeUpstream", "127.0.0.1:" + port, "2")
                .redirectErrorStream(true).redirectOutput(work.resolve("fake.log").toFile()).start();
        waitForPort(port, p, work.resolve("fake.log"));
        return p;
    }

    private Process startNginx(int port, int upstreamPort, Path work) throws IOException, InterruptedException {
        Path conf = work.resolve("nginx.conf");
        Files.createDirectories(work.resolve("nginx"));
        Files.writeString(conf, """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/nginx;
                  proxy_temp_path %1$s/nginx;
                  fastcgi_temp_path %1$s/nginx;
                  uwsgi_temp_path %1$s/nginx;
                  scgi_temp_path %1$s/nginx;
                  upstream up { server 127.0.0.1:%3$d; keepalive 128; }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://up;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_buffering off;
                    }
                  }
                }
                """.formatted(work, port, upstreamPort));
        String bin = LoadTools.available("nginx") ? "nginx" : "/usr/sbin/nginx";
        Process p = new ProcessBuilder(bin, "-p", work.toString(), "-c", conf.toString(), "-e",
                work.resolve("nginx-error.log").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile()).start();
        waitForPort(port, p, work.resolve("nginx.out"));
        return p;
    }

    private static void waitForPort(int port, Process p, Path logFile) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IllegalStateException("process exited early: " + Files.readString(logFile));
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("port " + port + " did not open in 20 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, Object> json(LoadTools.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rps", Math.round(r.rps()));
        m.put("p50_ms", round(r.p50Ms()));
        m.put("p99_ms", round(r.p99Ms()));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // Temporary files only.
        }
    }

    /** The results as pretty-printed JSON. */
    public static String toJson(Map<String, Object> results) {
        try {
            return dev.iolaus.gateway.capture.RequestInfo.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(results);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
