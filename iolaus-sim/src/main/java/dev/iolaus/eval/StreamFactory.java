package dev.iolaus.eval;

import dev.iolaus.sim.EventSource;

/**
 * Opens a fresh event stream; every call must yield the same events (same scenario and seed, or the same file), so
 * that every detector sees the identical stream until its own enforcement makes it diverge.
 */
@FunctionalInterface
public interface StreamFactory {
    /** A new source positioned at the first event. */
    EventSource open();
}
