package dev.iolaus.cli;

import dev.iolaus.detect.Detectors;
import dev.iolaus.gateway.Gateway;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.server.live.LiveGateway;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iolaus serve}: runs the gateway with the embedded engine until stopped (wiring: {@link LiveGateway}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Runs the gateway with the embedded detection engine.",
        description = {"Runs the gateway: an OpenAI- and Anthropic-compatible proxy that authenticates, rate-limits,",
            "enforces decisions and captures every call. Use --config FILE, or --listen/--upstream with no file.",
            "Every captured call goes to the embedded engine (detectors, policy: config keys engine, policy_file,",
            "ip_data), whose decisions the gateway enforces; calls are also logged to DATA_DIR/interactions.jsonl",
            "and decisions to DATA_DIR/decisions.jsonl."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see gateway.reference.yaml).")
    Path config;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Listen address (default 127.0.0.1:8080).")
    String listen;

    @Option(names = "--upstream", paramLabel = "URL", description = "Upstream model server base URL for both APIs.")
    String upstream;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory: keys, journal, interactions (default ./data).")
    String dataDir;

    @Override
    public Integer call() throws Exception {
        GatewayConfig cfg = resolve();
        CountDownLatch stop = new CountDownLatch(1);
        LiveGateway live = LiveGateway.start(cfg, Detectors.registry(), note -> System.err.println("iolaus serve: " + note));
        Gateway gw = live.gateway();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                live.close();
            } catch (Exception e) {
                System.err.println("iolaus serve: error while stopping: " + e.getMessage());
            }
            stop.countDown();
        }));
        System.out.println("iolaus serve: gateway on " + (cfg.tls() != null ? "https" : "http") + "://"
                + GatewayConfig.host(cfg.listen()) + ":" + gw.port() + " -> " + cfg.upstreams().openai().baseUrl()
                + (cfg.upstreams().anthropic().baseUrl().equals(cfg.upstreams().openai().baseUrl()) ? ""
                : " (anthropic " + cfg.upstreams().anthropic().baseUrl() + ")")
                + ", data " + cfg.dataPath().toAbsolutePath().normalize() + ", metrics at " + cfg.metricsPath()
                + ", transport " + gw.transport());
        System.out.flush();
        stop.await();
        return 0;
    }

    private GatewayConfig resolve() {
        if (config != null) {
            GatewayConfig c = GatewayConfig.load(config);
            if (listen != null || upstream != null || dataDir != null) {
                // Command-line values override the file's.
                GatewayConfig.Upstreams ups = upstream == null ? c.upstreams()
                        : new GatewayConfig.Upstreams(new GatewayConfig.Upstream(upstream, c.upstreams().openai().apiKeyEnv()),
                        new GatewayConfig.Upstream(upstream, c.upstreams().anthropic().apiKeyEnv()));
                c = new GatewayConfig(listen != null ? listen : c.listen(), c.tls(),
                        dataDir != null ? dataDir : c.dataDir(), ups, c.upstreamTimeoutMs(), c.maxBodyBytes(),
                        c.limits(), c.challenge(), c.capture(), c.trustForwardedFor(), c.metricsPath(),
                        c.eventLoops(), c.ipData(), c.policyFile(), c.engine()).validated();
            }
            return c;
        }
        if (upstream == null) {
            throw new IllegalArgumentException("give --config FILE, or --upstream URL (e.g. --upstream http://127.0.0.1:9000)");
        }
        return GatewayConfig.of(listen, upstream, dataDir == null ? Path.of("data").toString() : dataDir);
    }
}
