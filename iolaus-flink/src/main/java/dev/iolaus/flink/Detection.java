package dev.iolaus.flink;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import java.util.Objects;

/**
 * What a detector reported through {@link dev.iolaus.detect.spi.Findings}, as one stream element type.
 *
 * <p>Flink serialises this sealed type with Kryo 5 (a generic type); the records inside round-trip unchanged.
 */
public sealed interface Detection {

    /** An account finding ({@code Findings.flag}). */
    record Flag(AccountFinding finding) implements Detection {
        public Flag {
            Objects.requireNonNull(finding, "finding");
        }
    }

    /** A campaign found or updated ({@code Findings.campaign}). */
    record CampaignUpdate(Campaign campaign) implements Detection {
        public CampaignUpdate {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /** A decision for enforcement ({@code Findings.decision}). */
    record DecisionMade(Decision decision) implements Detection {
        public DecisionMade {
            Objects.requireNonNull(decision, "decision");
        }
    }
}
