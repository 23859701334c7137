package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.CampaignGraph.Link;
import java.util.Optional;

/**
 * The linking rule of the graph: how strongly the values an account holds tie it to a campaign they mark, and whether
 * that is enough to attribute it ({@link CampaignGraph#link}).
 */
final class Linker {
    private final CampaignGraph graph;
    private final GraphSettings settings;
    /** Heaviest weight per family of the campaign being weighed (reused: linking runs on every unattributed call). */
    private final double[] perFamily = new double[AttributeKind.Family.values().length];

    Linker(CampaignGraph graph, GraphSettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    /**
     * The strongest link from the given postings to a campaign they mark, or empty. Within one {@link
     * AttributeKind.Family} only the heaviest value counts (four bands of one template are one fact); a value counts by
     * its kind's weight times its purity. A link is strong ({@link Link#strong()}) when it reaches the threshold with a
     * one-owner identity value (card, mailbox) or with values of two families.
     */
    Optional<Link> link(Posting[] held, int count) {
        CampaignState best = null;
        double bestStrength = 0;
        Posting bestVia = null;
        int bestFamilies = 0;
        double[] perFamily = this.perFamily;
        for (int i = 0; i < count; i++) {
            Posting p = held[i];
            if (p == null || p.campaign < 0) {
                continue;
            }
            CampaignState c = graph.campaign(p.campaign);
            if (c == best) {
                continue;
            }
            java.util.Arrays.fill(perFamily, 0);
            Posting via = p;
            for (int j = 0; j < count; j++) {
                Posting q = held[j];
                if (q != null && q.campaign >= 0 && graph.campaign(q.campaign) == c) {
                    double w = weight(q);
                    int f = q.kind.family().ordinal();
                    perFamily[f] = Math.max(perFamily[f], w);
                    if (w > weight(via)) {
                        via = q;
                    }
                }
            }
            double s = 0;
            int families = 0;
            for (double w : perFamily) {
                s += w;
                families += w > 0 ? 1 : 0;
            }
            if (s > bestStrength) {
                bestStrength = s;
                best = c;
                bestVia = via;
                bestFamilies = families;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean owner = CampaignGraph.owner(bestVia.kind) && bestVia.purity >= 0.9;
        boolean strong = bestStrength >= settings.linkThreshold() && (owner || bestFamilies >= 2);
        return Optional.of(new Link(best, bestVia, bestStrength, strong));
    }

    /**
     * Link weight of a value marking a campaign: its kind's weight times its purity, and for category-like kinds
     * (BIN, email domain, prefixes, client stack) a popularity discount in the spirit of FRAUDAR's column weights:
     * "gmail.com" or a university NAT says little about who belongs together, however many attackers use it.
     */
    static double weight(Posting q) {
        double w = q.kind.linkWeight() * q.purity;
        if (CampaignGraph.owner(q.kind) && q.accounts() > CampaignGraph.MAX_OWNER_HOLDERS) {
            return 0;
        }
        if (!q.kind.strong() || q.kind == AttributeKind.CLIENT) {
            w /= 1 + q.accounts() / 50.0;
        }
        return w;
    }

    /** True when an end user remembers the value among its template heads. */
    static boolean remembers(AccountState a, Posting q) {
        for (long k : a.heads) {
            if (k == q.key) {
                return true;
            }
        }
        return false;
    }
}
