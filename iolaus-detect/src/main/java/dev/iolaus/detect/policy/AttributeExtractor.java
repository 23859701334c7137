package dev.iolaus.detect.policy;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import java.util.function.Consumer;

/**
 * Extracts the {@link StrongAttribute}s of raw events, so that the {@link Cauterizer} and the engine need not know
 * how a template signature is computed: a detector's feature extraction plugs in here.
 *
 * <p>Called on the engine thread for every event: implementations must be cheap and must not block.
 */
public interface AttributeExtractor {

    /** Attributes an account event reveals (payment fingerprint, signup burst, ...). */
    void fromAccountEvent(AccountEvent event, Consumer<StrongAttribute> out);

    /** Attributes an interaction reveals (client fingerprint, system prompt, template signature, ...). */
    void fromInteraction(Interaction interaction, Consumer<StrongAttribute> out);

    /** This extractor followed by another, e.g. the default one plus a detector's template signatures. */
    default AttributeExtractor andThen(AttributeExtractor next) {
        AttributeExtractor first = this;
        return new AttributeExtractor() {
            @Override
            public void fromAccountEvent(AccountEvent event, Consumer<StrongAttribute> out) {
                first.fromAccountEvent(event, out);
                next.fromAccountEvent(event, out);
            }

            @Override
            public void fromInteraction(Interaction interaction, Consumer<StrongAttribute> out) {
                first.fromInteraction(interaction, out);
                next.fromInteraction(interaction, out);
            }
        };
    }
}
