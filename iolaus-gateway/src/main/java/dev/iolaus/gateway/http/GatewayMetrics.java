package dev.iolaus.gateway.http;

import dev.iolaus.gateway.capture.CapturePipeline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of the gateway (Micrometer): calls by endpoint and status class, errors by type, shadow
 * decisions, the gateway's own time per call, and the capture pipeline's counters.
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter[][] calls = new Counter[Endpoint.values().length][6];
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> decisions = new ConcurrentHashMap<>();
    private final Counter shadow;
    private final Counter dropped;
    private final Timer overhead;

    /** Registers the meters. */
    public GatewayMetrics() {
        for (Endpoint e : Endpoint.values()) {
            for (int c = 1; c <= 5; c++) {
                calls[e.ordinal()][c] = Counter.builder("iolaus_gateway_requests").description("calls answered")
                        .tag("endpoint", e.name().toLowerCase(java.util.Locale.ROOT)).tag("status", c + "xx")
                        .register(registry);
            }
        }
        shadow = Counter.builder("iolaus_gateway_shadow_decisions").description("calls a shadow decision matched")
                .register(registry);
        dropped = Counter.builder("iolaus_gateway_capture_dropped").description("interactions the sink refused")
                .register(registry);
        overhead = Timer.builder("iolaus_gateway_overhead").description("time spent in the gateway itself")
                .register(registry);
    }

    void record(Exchange ex) {
        int c = Math.max(1, Math.min(5, (ex.status == 0 ? 500 : ex.status) / 100));
        calls[ex.endpoint.ordinal()][c].increment();
        if (ex.errorType != null) {
            errors.computeIfAbsent(ex.errorType, t -> Counter.builder("iolaus_gateway_errors")
                    .description("calls not served, by reason").tag("type", t).register(registry)).increment();
        }
        if (ex.shadow != null) {
            shadow.increment();
        }
        // Proxied calls: time before the upstream call went out; answered calls: the whole time.
        long own = ex.upstreamSentNanos == 0 ? System.nanoTime() - ex.startNanos
                : ex.upstreamSentNanos - ex.startNanos;
        overhead.record(own, TimeUnit.NANOSECONDS);
    }

    /** Counts a decision received from the engine, by action and shadow flag. */
    public void decisionReceived(dev.iolaus.model.Decision d) {
        String key = d.action().name() + (d.shadow() ? "/shadow" : "");
        decisions.computeIfAbsent(key, k -> Counter.builder("iolaus_gateway_decisions_received")
                .description("decisions the engine pushed to the gateway")
                .tag("action", d.action().name().toLowerCase(java.util.Locale.ROOT))
                .tag("shadow", Boolean.toString(d.shadow())).register(registry)).increment();
    }

    void captureDropped() {
        dropped.increment();
    }

    /** Exposes the capture pipeline's counters. */
    public void bind(CapturePipeline p) {
        FunctionCounter.builder("iolaus_capture_offered", p, x -> x.stats().offered()).register(registry);
        FunctionCounter.builder("iolaus_capture_spilled", p, x -> x.stats().spilled()).register(registry);
        FunctionCounter.builder("iolaus_capture_delivered", p, x -> x.stats().delivered()).register(registry);
        FunctionCounter.builder("iolaus_capture_replayed", p, x -> x.stats().replayed()).register(registry);
        Gauge.builder("iolaus_capture_backlog", p, CapturePipeline::backlog).register(registry);
    }

    /** The registry behind {@code /metrics}, for parts attached to the gateway (the embedded engine). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
