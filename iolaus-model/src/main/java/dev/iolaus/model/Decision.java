package dev.iolaus.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a policy decided about a scope: the only thing enforcement points consume.
 *
 * @param id unique id
 * @param scope what it applies to
 * @param value the account id, key id, address, CIDR, campaign id or payment fingerprint hash
 * @param action what to do
 * @param reason one-line human reason
 * @param evidenceRef id of the finding or campaign holding the evidence
 * @param detector the detector that produced the finding
 * @param score the finding's score in [0, 1]
 * @param createdAt event time the decision was made
 * @param expiresAt event time it lapses, or null for never
 * @param shadow true when recorded but not enforced
 */
public record Decision(String id, Scope scope, String value, Action action, String reason, String evidenceRef,
                       String detector, double score, Instant createdAt, Instant expiresAt, boolean shadow) {
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        if (expiresAt != null && expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("expiresAt is before createdAt");
        }
    }

    /** True when the decision is in force at the given event time. */
    public boolean activeAt(Instant t) {
        return !t.isBefore(createdAt) && (expiresAt == null || t.isBefore(expiresAt));
    }

    /** True when enforcement should act on it (not shadow). */
    public boolean enforced() {
        return !shadow;
    }
}
