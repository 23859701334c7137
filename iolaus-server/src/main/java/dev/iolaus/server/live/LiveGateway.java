package dev.iolaus.server.live;

import dev.iolaus.detect.net.FileIpIntel;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.net.IpIntelConfig;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.gateway.Gateway;
import dev.iolaus.gateway.capture.InteractionFile;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.server.analyze.Analyzer;
import dev.iolaus.server.analyze.Policies;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code iolaus serve} assembled: the gateway, the embedded engine fed by its capture thread, the interaction log,
 * and the decision log, started and stopped together.
 *
 * <p>Order matters at start: the gateway starts first (its enforcement is where decisions go), then the engine is
 * attached and the account events are loaded; interactions captured meanwhile wait on the capture thread.
 */
public final class LiveGateway implements AutoCloseable {
    private final Gateway gateway;
    private final LiveEngine engine;
    private final InteractionFile interactions;
    private final DecisionLog decisions;

    private LiveGateway(Gateway gateway, LiveEngine engine, InteractionFile interactions, DecisionLog decisions) {
        this.gateway = gateway;
        this.engine = engine;
        this.interactions = interactions;
        this.decisions = decisions;
    }

    /**
     * Starts everything the configuration asks for.
     *
     * @param cfg validated configuration
     * @param registry where the configured detector names are resolved
     * @param notes one-line notes for the operator (what was skipped, what runs)
     * @return the running whole
     */
    public static LiveGateway start(GatewayConfig cfg, DetectorRegistry registry, Consumer<String> notes) {
        GatewayConfig.EngineSection es = cfg.engine();
        boolean on = es == null || es.enabled() == null || es.enabled();
        LiveEngine engine = null;
        DecisionLog decisions = null;
        if (on) {
            IpIntel intel = cfg.ipData() == null ? IpIntel.NONE
                    : FileIpIntel.load(IpIntelConfig.fromDirectory(Path.of(cfg.ipData())));
            if (!intel.configured()) {
                notes.accept("no IP intelligence configured (ip_data); network enrichment skipped");
            }
            List<String> names = Analyzer.resolveDetectors(registry, es == null ? null : es.detectors(), notes);
            engine = LiveEngine.create(registry, names, Policies.load(cfg.policyFile() == null ? null
                    : Path.of(cfg.policyFile())), new DetectorContext(intel, Map.of()),
                    es == null || es.queueCapacity() == null ? 65_536 : es.queueCapacity());
            decisions = new DecisionLog(cfg.dataPath().resolve("decisions.jsonl"));
            notes.accept("engine on: detectors " + String.join(", ", names) + ", policy "
                    + (cfg.policyFile() == null ? "default" : cfg.policyFile()) + ", decisions logged to "
                    + cfg.dataPath().resolve("decisions.jsonl"));
        } else {
            notes.accept("engine off (engine.enabled: false): interactions are only logged");
        }
        Path log = cfg.interactionsPath();
        InteractionFile file = log == null ? null : new InteractionFile(log);
        LiveEngine e = engine;
        Consumer<Interaction> hook = file == null ? e : e == null ? file : i -> {
            file.accept(i);
            e.accept(i);
        };
        if (hook == null) {
            hook = i -> { };
            notes.accept("engine off and interactions_file empty: captured interactions are discarded");
        }
        Gateway gw;
        try {
            gw = Gateway.start(cfg, hook);
        } catch (RuntimeException ex) {
            closeQuietly(file, decisions);
            throw ex;
        }
        if (engine != null) {
            List<AccountEvent> accounts = loadAccounts(cfg, notes);
            engine.attach(gw.enforcement(), decisions, accounts);
            bindMetrics(gw, engine);
        }
        return new LiveGateway(gw, engine, file, decisions);
    }

    /** Engine counters on the gateway's {@code /metrics} (read across threads: approximate, never torn). */
    private static void bindMetrics(Gateway gw, LiveEngine e) {
        MeterRegistry r = gw.metrics().registry();
        Gauge.builder("iolaus_engine_backlog", e, LiveEngine::backlog).description("events waiting for the engine")
                .register(r);
        FunctionCounter.builder("iolaus_engine_failures", e, LiveEngine::failures)
                .description("events whose processing threw (skipped)").register(r);
        FunctionCounter.builder("iolaus_engine_interactions", e, x -> x.engine().stats().interactions())
                .description("interactions processed by the engine").register(r);
        FunctionCounter.builder("iolaus_engine_decisions", e, x -> x.engine().stats().decisions())
                .description("decisions made (enforced and shadow)").register(r);
        Gauge.builder("iolaus_engine_watermark_seconds", e, x -> x.engine().stats().watermarkMs() / 1000.0)
                .description("event-time watermark of the engine").register(r);
    }

    /** Account events of {@code engine.accounts}, in time order; unreadable lines go to a quarantine file. */
    private static List<AccountEvent> loadAccounts(GatewayConfig cfg, Consumer<String> notes) {
        String path = cfg.engine() == null ? null : cfg.engine().accounts();
        if (path == null) {
            notes.accept("no account events configured (engine.accounts); lifecycle and payment features are empty");
            return List.of();
        }
        Path q = cfg.dataPath().resolve("quarantine-accounts.jsonl");
        try (Quarantine quarantine = Quarantine.toFile(q)) {
            List<AccountEvent> all = new java.util.ArrayList<>(
                    JsonlReader.readAll(Path.of(path), EventCodecs.ACCOUNT_EVENT, quarantine));
            all.sort(Comparator.comparingLong(AccountEvent::timeMs));
            notes.accept("loaded " + all.size() + " account events from " + path);
            return all;
        } catch (IOException ex) {
            throw new IllegalArgumentException("cannot open quarantine file " + q + ": " + ex.getMessage(), ex);
        }
    }

    /** The running gateway. */
    public Gateway gateway() {
        return gateway;
    }

    /** The embedded engine, or null when disabled. */
    public LiveEngine engine() {
        return engine;
    }

    /** Stops the gateway (queued captures go to its journal), then the engine, then the logs. */
    @Override
    public void close() throws Exception {
        try {
            gateway.close();
        } finally {
            if (engine != null) {
                engine.close();
            }
            closeQuietly(interactions, decisions);
        }
    }

    private static void closeQuietly(AutoCloseable... cs) {
        for (AutoCloseable c : cs) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // Closing logs at shutdown: nothing more useful to do with the error.
                }
            }
        }
    }
}
