package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.PooledTest;

/**
 * Membership of an end user of a host account (a sub-account {@code account~end user}: a reseller's customer) in a
 * campaign, on what it sends alone.
 *
 * <p>A direct account joins a campaign through two families of evidence (what it sends, and who it is or where it
 * calls from), because independent people copy one prompting trick. An end user cannot show the second family: its
 * network, client and key are its host's, shared with every other customer of the host, and it has no signup or card
 * of its own. So its evidence is repetition instead: it joins, at a call carrying such a value, when its calls carry
 * content values (template frames, system prompts) that mark the campaign far more often than ordinary calls do, by
 * the pooled test at the detector's threshold (so set from the target false-positive rate), and its tells are not
 * explained better by the baseline than by the campaign, nor absent from a history of five calls or more
 * ({@link CampaignGraph#contradicts(AccountState, double, CampaignState)}). An end user who copied one public template
 * carries it in a share of calls ordinary traffic already shows; the campaign's sender carries its material call
 * after call (a new id of a known sender whose first three calls all carry it joins at the third).
 *
 * <p>The marked rate of ordinary calls (calls of accounts and end users outside every campaign that carry a content
 * value marking some campaign) is kept as decayed counts, so that it follows the campaigns' markers as they grow. The
 * test uses the between-account dispersion of tells ({@link Baseline#rho()}) for want of one measured for markers: a
 * heavy end user counts as about 1/rho independent calls, not as its volume. How an end users' campaign is found in
 * the first place: {@link Coordination} (several template heads shared by the same end users).
 */
public final class EndUserRule {
    /** Decay of the ordinary-call counts per housekeeping hour (a half-life of about 14 hours). */
    static final double DECAY = 0.95;

    private final GraphSettings settings;
    private double calls;
    private double marked;

    /** A rule testing at the settings' threshold. */
    public EndUserRule(GraphSettings settings) {
        this.settings = settings;
    }

    /**
     * A content value among {@code held[0..count)} that marks a campaign (template frame, skeleton, system prompt or
     * its signature), or null: network and identity values do not count, an end user holds only its host's.
     */
    public static Posting contentMark(Posting[] held, int count) {
        for (int i = 0; i < count; i++) {
            Posting p = held[i];
            if (p == null || p.campaign < 0) {
                continue;
            }
            AttributeKind.Family f = p.kind.family();
            if (f == AttributeKind.Family.CONTENT || f == AttributeKind.Family.SYSTEM) {
                return p;
            }
        }
        return null;
    }

    /** An ordinary call (its sender in no campaign) that carried a content mark of some campaign, or not. */
    public void observeOrdinary(boolean markedCall) {
        calls++;
        if (markedCall) {
            marked++;
        }
    }

    /** Hourly: older ordinary calls weigh less. */
    public void decay() {
        calls *= DECAY;
        marked *= DECAY;
    }

    /** Share of ordinary calls carrying a campaign's content mark (a floor of one call in a thousand). */
    public double markedRate() {
        return calls <= 0 ? 1e-3 : Math.max(1e-3, Math.min(0.5, marked / calls));
    }

    /**
     * Records a call of an end user outside every campaign ({@code mark}: {@link #contentMark}, null when the call
     * carries none) and answers whether, at this call, it joins the campaign the mark names: null when not.
     */
    public CampaignState observe(AccountState a, Posting mark, Baseline baseline, CampaignGraph graph) {
        if (mark == null) {
            return null;
        }
        a.marked++;
        CampaignState c = graph.campaign(mark.campaign);
        if (c == null) {
            return null;
        }
        double rho = baseline.rho();
        double p0 = baseline.tellRate();
        if (PooledTest.z(a.marked, a.n, markedRate(), 1, rho) < settings.zThreshold()
                || graph.contradicts(a, p0, c)) {
            return null;
        }
        return c;
    }
}
