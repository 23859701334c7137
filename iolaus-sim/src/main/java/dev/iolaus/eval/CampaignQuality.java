package dev.iolaus.eval;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.Truth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Purity and completeness of the campaigns a detector reported, against the true campaigns.
 *
 * <p>For one reported campaign: its dominant true campaign is the one with the most members; purity is that share
 * of all its members (benign members lower it); completeness is the share of the dominant campaign's accounts (those
 * that appeared in the stream) that it covers. Aggregates: purity is the member-weighted mean over reported
 * campaigns; completeness is the mean over true campaigns that appeared of the best completeness any reported
 * campaign reached for them (0 for a true campaign no report is dominated by). Both count accounts: end users of a
 * host (sub-accounts) in a reported campaign are left out.
 *
 * @param purity aggregate purity, null when nothing was reported
 * @param completeness aggregate completeness, null when nothing was reported or no campaign appeared
 */
record CampaignQuality(Double purity, Double completeness) {

    static CampaignQuality of(Collection<Campaign> reported, Truth truth, Set<String> population) {
        if (reported.isEmpty()) {
            return new CampaignQuality(null, null);
        }
        Map<String, Integer> trueSize = new HashMap<>();
        for (String id : population) {
            Truth.AccountTruth l = truth.accounts().get(id);
            if (l != null && l.attacker()) {
                trueSize.merge(l.campaignId(), 1, Integer::sum);
            }
        }
        double puritySum = 0;
        long members = 0;
        Map<String, Double> best = new HashMap<>();
        for (Campaign c : reported) {
            Map<String, Integer> counts = new HashMap<>();
            int accounts = 0;
            for (String a : c.accounts()) {
                if (a.indexOf(Interaction.SUB_ACCOUNT_SEPARATOR) >= 0) {
                    continue; // an end user of a host is not an account: hosted campaigns are scored per end user
                }
                accounts++;
                Truth.AccountTruth l = truth.accounts().get(a);
                if (l != null && l.attacker()) {
                    counts.merge(l.campaignId(), 1, Integer::sum);
                }
            }
            String dominant = null;
            int top = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                boolean tieFirst = e.getValue() == top && dominant != null && e.getKey().compareTo(dominant) < 0;
                if (e.getValue() > top || tieFirst) {
                    top = e.getValue();
                    dominant = e.getKey();
                }
            }
            puritySum += top;
            members += accounts;
            if (dominant != null && trueSize.getOrDefault(dominant, 0) > 0) {
                best.merge(dominant, Math.min(1.0, (double) top / trueSize.get(dominant)), Math::max);
            }
        }
        Double purity = members == 0 ? null : puritySum / members;
        Double completeness = trueSize.isEmpty() ? null
                : trueSize.keySet().stream().mapToDouble(k -> best.getOrDefault(k, 0.0)).average().orElse(0);
        return new CampaignQuality(purity, completeness);
    }
}
