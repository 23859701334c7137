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
 */
public record Truth(String scenario, long seed, double scale, String corpora, Map<String, AccountTruth> accounts,
                    Map<String, CampaignTruth> campaigns) {

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
