package dev.iolaus.detect.iolaus;

import dev.iolaus.model.Evidence;
import java.util.List;

/**
 * What links an account or an attribute value to a campaign already found: for the cauterize rule of the policy.
 *
 * @param campaignId public campaign id (as in {@link dev.iolaus.model.Campaign#id()})
 * @param strength summed link weight; 1 or more is a strong link
 * @param strong true when a strong kind (template, system prompt, payment, client, signup burst) carries the link
 * @param evidence why: the shared values
 */
public record CampaignLink(String campaignId, double strength, boolean strong, List<Evidence> evidence) {
    public CampaignLink {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
