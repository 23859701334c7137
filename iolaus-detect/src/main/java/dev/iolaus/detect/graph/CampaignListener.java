package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;

/** Told when the graph attributes an account to a campaign, so the detector can flag it at once. */
@FunctionalInterface
public interface CampaignListener {
    /**
     * The account now belongs to the campaign.
     *
     * @param account the account's state
     * @param campaign the campaign
     * @param via the attribute value that linked it
     * @param strength summed link weight (1 or more for a flag)
     * @param timeMs event time
     */
    void attributed(AccountState account, CampaignState campaign, Posting via, double strength, long timeMs);
}
