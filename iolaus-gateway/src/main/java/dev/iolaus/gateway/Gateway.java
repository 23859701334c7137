package dev.iolaus.gateway;

import dev.iolaus.gateway.capture.CapturePipeline;
import dev.iolaus.gateway.config.GatewayConfig;
import dev.iolaus.gateway.enforce.DecisionIndex;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.gateway.http.GatewayMetrics;
import dev.iolaus.gateway.http.GatewayServer;
import dev.iolaus.gateway.keys.KeyRegistry;
import dev.iolaus.gateway.keys.KeyStore;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.util.function.Consumer;

/**
 * A running gateway with its parts: the entry point for {@code iolaus serve} and for embedding.
 *
 * <p>Wiring an engine: pass it as the {@code engine} hook (it receives every {@link Interaction} on one consumer
 * thread, may take its time: the capture queue and journal absorb the difference), and feed its decisions back
 * through {@link #enforcement()}{@code .accept(decision)}; they apply to the next request.
 */
public final class Gateway implements AutoCloseable {
    private final GatewayServer server;
    private final CapturePipeline capture;
    private final Enforcement decisions;
    private final GatewayMetrics metrics;

    private Gateway(GatewayServer server, CapturePipeline capture, Enforcement decisions, GatewayMetrics metrics) {
        this.server = server;
        this.capture = capture;
        this.decisions = decisions;
        this.metrics = metrics;
    }

    /**
     * Starts a gateway.
     *
     * @param config validated configuration
     * @param engine the engine hook receiving every interaction (one thread; may block)
     * @return the running gateway
     */
    public static Gateway start(GatewayConfig config, Consumer<Interaction> engine) {
        DecisionIndex decisions = new DecisionIndex();
        CapturePipeline capture = new CapturePipeline(config.queueCapacity(), config.journalPath(), engine);
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.bind(capture);
        KeyRegistry keys = new KeyRegistry(new KeyStore(config.dataPath()));
        GatewayServer server = new GatewayServer(config, keys, decisions, capture, metrics);
        try {
            server.start();
        } catch (RuntimeException e) {
            try {
                capture.close();
            } catch (Exception ignored) {
                // Reporting the start failure matters more.
            }
            throw e;
        }
        return new Gateway(server, capture, new CountingEnforcement(decisions, metrics), metrics);
    }

    /**
     * Where decisions go in: {@code enforcement().accept(decision)}; each decision received is also counted in
     * {@code iolaus_gateway_decisions_received_total{action,shadow}}.
     */
    public Enforcement enforcement() {
        return decisions;
    }

    /** The metrics served at {@code /metrics} (attached parts register their own meters there). */
    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The capture pipeline (counters, backlog). */
    public CapturePipeline capture() {
        return capture;
    }

    /** The network transport in use: {@code io_uring}, {@code epoll} or {@code nio}. */
    public String transport() {
        return server.transport();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** Stops the server, then the capture pipeline (whatever is queued goes to the journal). */
    @Override
    public void close() throws Exception {
        server.close();
        capture.close();
    }

    /** The index, with every decision received counted in the metrics. */
    private record CountingEnforcement(DecisionIndex index, GatewayMetrics metrics) implements Enforcement {
        @Override
        public void accept(Decision decision) {
            metrics.decisionReceived(decision);
            index.accept(decision);
        }

        @Override
        public void revoke(String decisionId) {
            index.revoke(decisionId);
        }

        @Override
        public void linkCampaign(String campaignId, Iterable<String> accountIds) {
            index.linkCampaign(campaignId, accountIds);
        }

        @Override
        public void linkPayment(String accountId, String paymentFingerprintHash) {
            index.linkPayment(accountId, paymentFingerprintHash);
        }

        @Override
        public Decision lookup(String accountId, String endUserId, String apiKeyId, String ip, long nowMs) {
            return index.lookup(accountId, endUserId, apiKeyId, ip, nowMs);
        }

        @Override
        public Decision lookupShadow(String accountId, String endUserId, String apiKeyId, String ip, long nowMs) {
            return index.lookupShadow(accountId, endUserId, apiKeyId, ip, nowMs);
        }

        @Override
        public boolean hasEndUserDecisions(String accountId) {
            return index.hasEndUserDecisions(accountId);
        }

        @Override
        public String campaignOf(String accountId) {
            return index.campaignOf(accountId);
        }
    }
}
