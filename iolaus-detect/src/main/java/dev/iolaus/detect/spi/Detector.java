package dev.iolaus.detect.spi;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import java.util.Map;

/**
 * A detector: consumes events in event-time order and reports findings; the unit that {@code iolaus eval} compares.
 *
 * <p>Implementations keep their own state, read time only from events and watermarks, and must not block. They are
 * not thread-safe: one instance is driven by one thread (the harness, the engine, or one Flink subtask).
 */
public interface Detector {

    /** The registry name, e.g. {@code rate-limit}. */
    String name();

    /** An account lifecycle or payment event. Default: ignored. */
    default void onAccountEvent(AccountEvent event, Findings out) {
    }

    /** One interaction, in event-time order. */
    void onInteraction(Interaction interaction, Findings out);

    /**
     * Event time has reached {@code nowMs}: no event with an earlier time will follow. Detectors do periodic work
     * (window closes, graph passes) here. Default: nothing.
     */
    default void onWatermark(long nowMs, Findings out) {
    }

    /**
     * The current suspicion score in [0, 1] of every account this detector has seen, for PR curves. Accounts absent
     * from the map score 0.
     */
    Map<String, Double> accountScores();

    /**
     * True when this detector emits its own {@link dev.iolaus.model.Decision}s through {@link Findings#decision}. When
     * false, harnesses apply their default policy to its flags (block the flagged account).
     */
    default boolean emitsDecisions() {
        return false;
    }
}
