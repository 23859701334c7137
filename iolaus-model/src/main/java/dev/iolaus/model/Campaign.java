package dev.iolaus.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A group of accounts a detector believes act together, with the evidence for it.
 *
 * @param id stable id
 * @param detector detector that found it
 * @param accounts member account ids
 * @param score confidence in [0, 1]
 * @param firstSeen earliest member interaction
 * @param lastSeen latest member interaction
 * @param interactions interactions attributed
 * @param outputTokens output tokens served to its members
 * @param capabilities capabilities targeted, most frequent first
 * @param evidence facts a person can check
 * @param mergedInto null for a live campaign; for one that met another through shared accounts and was merged into
 *                   it, the id of the campaign that carries on (its accounts are then empty: they are the other's).
 *                   A consumer drops a merged campaign and keeps the one it names.
 */
public record Campaign(String id, String detector, Set<String> accounts, double score, Instant firstSeen,
                       Instant lastSeen, long interactions, long outputTokens, List<String> capabilities,
                       List<Evidence> evidence, String mergedInto) {
    public Campaign {
        accounts = Set.copyOf(accounts);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A live campaign (not merged into another). */
    public Campaign(String id, String detector, Set<String> accounts, double score, Instant firstSeen,
                    Instant lastSeen, long interactions, long outputTokens, List<String> capabilities,
                    List<Evidence> evidence) {
        this(id, detector, accounts, score, firstSeen, lastSeen, interactions, outputTokens, capabilities, evidence,
                null);
    }

    /** True when this campaign was merged into another ({@link #mergedInto()}) and has no accounts of its own. */
    public boolean merged() {
        return mergedInto != null;
    }
}
