package dev.iolaus.flink;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;

/**
 * One event of a detection stream: exactly one of an interaction or an account event.
 *
 * <p>A record with two nullable fields rather than a sealed interface, so that Flink's type extractor sees one
 * concrete class (serialised field by field) instead of an interface it can only hand to Kryo as a generic type.
 *
 * @param interaction the API call, or null
 * @param accountEvent the account lifecycle or payment event, or null
 */
public record StreamEvent(Interaction interaction, AccountEvent accountEvent) {
    public StreamEvent {
        if ((interaction == null) == (accountEvent == null)) {
            throw new IllegalArgumentException("a StreamEvent holds exactly one of interaction or accountEvent");
        }
    }

    /** An interaction event. */
    public static StreamEvent of(Interaction interaction) {
        return new StreamEvent(interaction, null);
    }

    /** An account event. */
    public static StreamEvent of(AccountEvent event) {
        return new StreamEvent(null, event);
    }

    /** Event time in epoch milliseconds. */
    public long timeMs() {
        return interaction != null ? interaction.timeMs() : accountEvent.timeMs();
    }

    /** The account the event belongs to. */
    public String accountId() {
        return interaction != null ? interaction.accountId() : accountEvent.accountId();
    }
}
