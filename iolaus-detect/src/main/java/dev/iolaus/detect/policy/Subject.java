package dev.iolaus.detect.policy;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a policy judges: one account finding (with its campaign, when attributed) or one campaign on its own.
 *
 * @param kind account finding or campaign
 * @param detector detector that produced it
 * @param score the finding's or campaign's score in [0, 1]
 * @param time event time of the finding or campaign update
 * @param account the account (for account findings), else null
 * @param campaign the campaign, or null when the finding is not attributed to one
 * @param evidence the finding's (or campaign's) evidence
 * @param members for campaign subjects, the members whose account-level scopes to decide (the new ones of an update),
 *     or null for all of them
 */
public record Subject(Kind kind, String detector, double score, Instant time, AccountInfo account, Campaign campaign,
                      List<Evidence> evidence, Set<String> members) {

    /** Whether a subject is one account's finding or a whole campaign. */
    public enum Kind {
        ACCOUNT, CAMPAIGN;

        /** Lower-case wire name, as written in filters ({@code subject == campaign}). */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(time, "time");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (kind == Kind.ACCOUNT) {
            Objects.requireNonNull(account, "account");
        } else {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /** A finding, with the campaign it names (or null) and what is known about its account. */
    public static Subject of(AccountFinding f, Campaign campaign, AccountInfo account) {
        return new Subject(Kind.ACCOUNT, f.detector(), f.score(), f.time(),
                account == null ? AccountInfo.unknown(f.accountId()) : account, campaign, f.evidence(), null);
    }

    /** A campaign update, judged at the given event time. */
    public static Subject of(Campaign c, Instant time) {
        return new Subject(Kind.CAMPAIGN, c.detector(), c.score(), time, null, c, c.evidence(), null);
    }

    /**
     * A campaign update judged for its new members only: filters see the whole campaign, account-level scopes are
     * filled from {@code newMembers} (the earlier members were decided at earlier updates).
     */
    public static Subject ofNewMembers(Campaign c, Instant time, Set<String> newMembers) {
        return new Subject(Kind.CAMPAIGN, c.detector(), c.score(), time, null, c, c.evidence(), newMembers);
    }

    /** The campaign members whose account-level scopes are decided: {@link #members()}, else all. */
    public Set<String> targets() {
        return members != null ? members : campaign.accounts();
    }

    /** The key offences are counted under: the account id, or {@code campaign:<id>} for campaign subjects. */
    public String offenderKey() {
        return kind == Kind.ACCOUNT ? account.accountId() : "campaign:" + campaign.id();
    }
}
