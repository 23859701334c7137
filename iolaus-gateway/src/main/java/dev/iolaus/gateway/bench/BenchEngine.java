package dev.iolaus.gateway.bench;

import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.model.Interaction;
import java.util.function.Consumer;

/**
 * A detection engine the gateway bench runs beside the JSONL capture ({@code iolaus bench gateway --engine}),
 * supplied by the caller: the gateway module does not know the detectors or the policy.
 */
public interface BenchEngine extends AutoCloseable {

    /** The capture hook: receives every interaction on the capture thread (may block). */
    Consumer<Interaction> hook();

    /** Connects the engine's decisions to the running gateway and starts it. */
    void attach(Enforcement enforcement);

    /** One line for the results: what runs (detectors, policy). */
    String describe();
}
