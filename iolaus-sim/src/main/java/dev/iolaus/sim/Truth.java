package dev.iolaus.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ground truth of a scenario, written as {@code truth.json}: who is who, and what each campaign planned.
 *
 * @param scenario scenario name
 * @param seed random seed
 * @param scale scale factor
 * @param corpora corpora directory used, or {@code built-in}
 * @param accounts every account by id
 * @param campaigns every campaign by id
 * @param hostedSenders for campaigns hosted inside another account (an attacker among a reseller's end users): the
 *     event-id prefix of each hosted sender's interactions → its campaign id, so that a file carries a label for
 *     every call, not only for every account (empty when nothing is hosted; absent in older files)
 */
public record Truth(String scenario, long seed, double scale, String corpora, Map<String, AccountTruth> accounts,
                    Map<String, CampaignTruth> campaigns, Map<String, String> hostedSenders) {

    /** Normalises an absent {@code hosted_senders} (files written before it existed) to empty. */
    public Truth {
        hostedSenders = hostedSenders == null ? Map.of() : hostedSenders;
    }

    /** A truth with no hosted senders. */
    public Truth(String scenario, long seed, double scale, String corpora, Map<String, AccountTruth> accounts,
                 Map<String, CampaignTruth> campaigns) {
        this(scenario, seed, scale, corpora, accounts, campaigns, Map.of());
    }

    /**
     * The label of one interaction: the hosted campaign that sent it, else its account's label (archetype or
     * campaign id); null for an account this truth does not know.
     */
    public String labelOf(String eventId, String accountId) {
        if (!hostedSenders.isEmpty()) {
            int dash = eventId.lastIndexOf('-');
            if (dash > 0) {
                String campaign = hostedSenders.get(eventId.substring(0, dash + 1));
                if (campaign != null) {
                    return campaign;
                }
            }
        }
        AccountTruth a = accounts.get(accountId);
        return a == null ? null : a.label();
    }

    /**
     * One account's label.
     *
     * @param accountId the account
     * @param label benign archetype name, or campaign id for attackers
     * @param campaignId campaign id, or null for benign accounts
     * @param reserve true for a reserve account that activates only when another is blocked
     */
    public record AccountTruth(String accountId, String label, String campaignId, boolean reserve) {
        /** True for an account of a campaign. */
        public boolean attacker() {
            return campaignId != null;
        }
    }

    /**
     * One campaign's plan.
     *
     * @param id campaign id
     * @param start planned first interaction
     * @param end planned last interaction
     * @param plannedInteractions interactions the campaign means to send in all
     * @param accounts initially active accounts
     * @param reserveAccounts accounts held back to replace blocked ones
     * @param capabilities capabilities targeted
     */
    public record CampaignTruth(String id, Instant start, Instant end, long plannedInteractions,
                                List<String> accounts, List<String> reserveAccounts, List<String> capabilities) {
    }
}
