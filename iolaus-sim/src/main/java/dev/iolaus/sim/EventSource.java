package dev.iolaus.sim;

/**
 * A stream of events in non-decreasing event time, with a feedback channel for enforcement in the loop.
 *
 * <p>The simulator implements it lazily (per-account processes merged by time), so a harness that blocks an account
 * stops that account's traffic and lets the scenario activate its reserve accounts. A replay of a file implements
 * it too, but can only drop a blocked account's later events.
 */
public interface EventSource extends AutoCloseable {

    /** The next event, or null at the end of the stream. */
    SimEvent next();

    /**
     * Enforcement blocked this account at {@code timeMs}: it sends nothing more, and the scenario may activate
     * reserve accounts to carry on its work. Default: ignored.
     */
    default void onBlocked(String accountId, long timeMs) {
    }

    /** The ground truth of this stream (labels and campaign metadata); may grow as reserves activate. */
    Truth truth();

    @Override
    void close();
}
