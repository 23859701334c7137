package dev.iolaus.detect.spi;

import dev.iolaus.model.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A detector's statement that one account is suspicious, with why.
 *
 * @param detector detector name
 * @param accountId the account
 * @param score suspicion in [0, 1]
 * @param time event time of the finding
 * @param campaignId campaign the account was attributed to, or null
 * @param evidence checkable facts
 */
public record AccountFinding(String detector, String accountId, double score, Instant time, String campaignId,
                             List<Evidence> evidence) {
    public AccountFinding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(time, "time");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
