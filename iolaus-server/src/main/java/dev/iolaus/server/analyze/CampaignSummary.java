package dev.iolaus.server.analyze;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import java.util.List;
import java.util.Map;

/**
 * One campaign as a report shows it: the detector's campaign plus what the engine knows of its members and what was
 * decided in its name.
 *
 * @param campaign latest state reported by the detector
 * @param ipPrefixes member addresses' /24 (IPv6 /48) prefixes with the number of members in each, most first
 * @param attributes strong attributes of members by kind ({@code payment_fingerprint}, {@code template_signature},
 *     ...), each value with the number of members carrying it, most first
 * @param decisions decisions whose evidence is this campaign (members blocked, cards blocked, cauterized accounts)
 * @param cauterized accounts outside the campaign blocked by the cauterizer for their link to it
 */
public record CampaignSummary(Campaign campaign, Map<String, Integer> ipPrefixes,
                              Map<String, Map<String, Integer>> attributes, List<Decision> decisions,
                              List<String> cauterized) {
    public CampaignSummary {
        ipPrefixes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ipPrefixes));
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        decisions = List.copyOf(decisions);
        cauterized = List.copyOf(cauterized);
    }

    /** The campaign id. */
    public String id() {
        return campaign.id();
    }
}
