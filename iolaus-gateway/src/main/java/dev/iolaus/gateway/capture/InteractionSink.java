package dev.iolaus.gateway.capture;

import dev.iolaus.model.Interaction;

/**
 * Where the gateway hands every captured call. {@link #offer} must return at once: it runs on an event loop.
 */
public interface InteractionSink {

    /** Takes the interaction without blocking; false only when it could not be kept anywhere (then it is counted). */
    boolean offer(Interaction interaction);

    /**
     * Takes an interaction to be built later, off the caller's thread (the gateway's event loops hand over raw
     * facts and let the capture thread parse and hash). The default builds it at once.
     */
    default boolean offerDeferred(java.util.function.Supplier<Interaction> interaction) {
        return offer(interaction.get());
    }

    /** A sink that drops everything (for benchmarks of the bare proxy). */
    InteractionSink DISCARD = i -> true;
}
