package dev.iolaus.sim;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;

/** One event of a simulated or replayed stream: an interaction or an account lifecycle event. */
public sealed interface SimEvent permits SimEvent.Call, SimEvent.Lifecycle {

    /** Event time in epoch milliseconds. */
    long timeMs();

    /** An API call. */
    record Call(Interaction interaction) implements SimEvent {
        @Override
        public long timeMs() {
            return interaction.timeMs();
        }
    }

    /** An account lifecycle or payment event. */
    record Lifecycle(AccountEvent event) implements SimEvent {
        @Override
        public long timeMs() {
            return event.timeMs();
        }
    }
}
