package dev.iolaus.detect.spi;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;

/** Where a detector reports what it found; implemented by harnesses, the engine and adapters. */
public interface Findings {

    /** An account crossed the detector's operating point. May be reported again with a higher score. */
    void flag(AccountFinding finding);

    /** A campaign was found or updated (same id means update). Default: ignored. */
    default void campaign(Campaign campaign) {
    }

    /** A decision for enforcement, from detectors that apply a policy themselves. Default: ignored. */
    default void decision(Decision decision) {
    }

    /** Findings that go nowhere. */
    Findings NONE = finding -> { };
}
