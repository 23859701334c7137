package dev.iolaus.io.json;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.util.List;

/** The codecs of the four event types, by constant and by type name. */
public final class EventCodecs {
    /** {@link Interaction}, type name {@code interaction}. */
    public static final JsonCodec<Interaction> INTERACTION = new InteractionCodec();
    /** {@link AccountEvent}, type name {@code account}. */
    public static final JsonCodec<AccountEvent> ACCOUNT_EVENT = new AccountEventCodec();
    /** {@link Decision}, type name {@code decision}. */
    public static final JsonCodec<Decision> DECISION = new DecisionCodec();
    /** {@link Campaign}, type name {@code campaign}. */
    public static final JsonCodec<Campaign> CAMPAIGN = new CampaignCodec();

    private static final List<JsonCodec<?>> ALL = List.of(INTERACTION, ACCOUNT_EVENT, DECISION, CAMPAIGN);

    private EventCodecs() {
    }

    /** Every codec, in the order above. */
    public static List<JsonCodec<?>> all() {
        return ALL;
    }

    /** The codec of a type name ({@code interaction}, {@code account}, {@code decision}, {@code campaign}). */
    public static JsonCodec<?> byName(String typeName) {
        for (JsonCodec<?> c : ALL) {
            if (c.typeName().equals(typeName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + typeName
                + "' (expected interaction, account, decision or campaign)");
    }
}
