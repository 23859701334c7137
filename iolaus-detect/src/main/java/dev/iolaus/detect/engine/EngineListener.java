package dev.iolaus.detect.engine;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;

/**
 * Receives what the {@link Engine} produces, on the engine's thread: implementations must return quickly (hand off to
 * their own queue for slow work such as network pushes).
 */
public interface EngineListener {

    /** A new decision (enforced or shadow). */
    default void onDecision(Decision decision) {
    }

    /** A decision lapsed in event time. */
    default void onExpired(Decision decision) {
    }

    /** A campaign was found or updated (same id means update). */
    default void onCampaign(Campaign campaign) {
    }

    /** A detector flagged an account. */
    default void onFinding(AccountFinding finding) {
    }
}
