package dev.iolaus.detect.engine;

/**
 * The time source for advancing an idle live engine: in live mode event time comes from the events, and this clock
 * only moves the watermark (so decisions expire) when no event arrives. Detection never reads it.
 */
@FunctionalInterface
public interface EventClock {

    /** Current time in epoch milliseconds. */
    long nowMs();
}
