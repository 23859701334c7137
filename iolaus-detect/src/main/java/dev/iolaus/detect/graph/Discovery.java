package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.CampaignGraph.Link;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.PooledTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Campaign discovery ({@link CampaignGraph#pass}): the candidates queued since the last pass are tested, confirmed
 * values mark a campaign (new, or the one their holders already belong to, merging campaigns that meet), and their
 * sampled holders join; values whose holders are mostly members of one campaign extend it.
 */
final class Discovery {
    /** Sampled holders needed before "most holders are members" may extend a campaign to a value. */
    static final int MIN_EXTEND_SAMPLE = 8;

    private final CampaignGraph graph;
    private final GraphSettings settings;
    private final IntFunction<AccountState> accounts;
    private final LongObjectMap<Posting> postings;
    private final List<Posting> dirty;
    private final List<CampaignState> campaigns;
    private final Coordination coordination;
    private final ExclusiveChoices choices;
    private final Membership membership;
    private final Linker linker;
    private final Posting[] linkBuf = new Posting[1 + AccountState.STATIC_ATTRS + AccountState.RECENT_ATTRS];
    private final boolean[] pureHolder = new boolean[Posting.SAMPLE];
    private final int[] order = new int[Posting.SAMPLE];

    /** Discovery over the graph's index, queue and campaign list (shared with the graph, not copied). */
    Discovery(CampaignGraph graph, GraphSettings settings, IntFunction<AccountState> accounts,
              LongObjectMap<Posting> postings, List<Posting> dirty, List<CampaignState> campaigns,
              ExclusiveChoices choices, Membership membership, Linker linker) {
        this.graph = graph;
        this.settings = settings;
        this.accounts = accounts;
        this.postings = postings;
        this.dirty = dirty;
        this.campaigns = campaigns;
        this.coordination = new Coordination(settings, accounts, postings);
        this.choices = choices;
        this.membership = membership;
        this.linker = linker;
    }

    /** Evaluates the candidates queued since the last pass; attributes sampled holders of confirmed values. */
    void pass(long nowMs, Baseline baseline, CampaignListener listener) {
        List<Posting> work = new ArrayList<>(dirty);
        dirty.clear();
        for (Posting p : work) {
            p.dirty = false;
            // Re-test when the pooled evidence moved: every change while small, every 10% growth once large.
            int growth = p.campaign < 0 ? p.evaluatedAt / 10 : p.evaluatedAt / 4;
            if (p.evaluatedAt >= 0 && (p.n == p.evaluatedAt || p.n < p.evaluatedAt + growth)) {
                continue;
            }
            p.evaluatedAt = p.n;
            evaluate(p, nowMs, baseline, listener);
        }
    }

    private void evaluate(Posting p, long nowMs, Baseline b, CampaignListener listener) {
        int holders = p.accounts();
        if (holders < settings.minAccounts() && !(CampaignGraph.owner(p.kind) && holders >= 2)) {
            return;
        }
        if (p.kind == AttributeKind.SIGNUP_SLOT) {
            // Not evidence by itself (no pooled test, no link weight): it only scopes the signup-cohort card rule.
            cohort(p, nowMs, b.tellRate(), listener);
            return;
        }
        int size = p.sampleSize();
        double p0 = b.tellRate();
        double elevated = Math.max(settings.minLift() * p0, p0 + 0.05);
        int pure = 0;
        CampaignState majority = null;
        int majorityCount = 0;
        // The group is tested on its holders' traffic; for a value computed from the prompt, on their OTHER traffic:
        // a value that is itself a tell ("Think step by step.") would otherwise test positive by construction.
        long gn = 0;
        long gt = 0;
        long gc = 0;
        long gr = 0;
        long gg = 0;
        long gd = 0;
        boolean exclude = p.kind.content();
        for (int i = 0; i < size; i++) {
            AccountState a = accounts.apply(p.sampled(i));
            int n = a.n;
            int t = a.tells;
            if (exclude) {
                n = Math.max(0, n - p.sampledN(i));
                t = Math.max(0, Math.min(n, t - p.sampledTells(i)));
            }
            // A holder is "pure" when its own traffic is significantly tell-heavy (one-sided z >= 2), not by raw rate:
            // two tells in ten prompts is noise, three in three is not.
            pureHolder[i] = t > 0 && (double) t / Math.max(1, n) >= elevated && PooledTest.z(t, n, p0, 1, 0) >= 2;
            if (pureHolder[i]) {
                pure++;
            }
            gn += n;
            gt += t;
            double share = a.n == 0 ? 0 : (double) n / a.n;
            gc += Math.round(a.cot * share);
            gr += Math.round(a.rewrite * share);
            gg += Math.round(a.grading * share);
            gd += Math.round(a.dataset * share);
            if (a.campaign >= 0) {
                CampaignState c = graph.campaign(a.campaign);
                if (c == majority) {
                    majorityCount++;
                } else if (majorityCount == 0) {
                    majority = c;
                    majorityCount = 1;
                } else {
                    majorityCount--;
                }
            }
        }
        double purity = size == 0 ? 0 : (double) pure / size;
        double z = bestZ(gn, gt, gc, gr, gg, gd, b, size);
        p.z = (float) Math.max(p.z, z);
        double rate = gn == 0 ? 0 : (double) gt / gn;
        Posting partner = z >= settings.zThreshold() && rate >= elevated && purity >= settings.minPurity()
                ? coordination.partner(p, p0) : null;
        boolean anomalous = partner != null;
        if (anomalous) {
            CampaignState c = mergeHolders(p, nowMs);
            p.campaign = c.id;
            p.purity = (float) purity;
            c.addMarker(p);
            if (partner != p && partner.campaign < 0) {
                partner.campaign = c.id;
                partner.purity = (float) purity;
                c.addMarker(partner);
            }
            double score = 1 - PooledTest.pValue(z);
            if (z > c.z) {
                c.z = z;
                c.score = Math.max(c.score, score);
                if (c.founding == null || c.founding.z < p.z) {
                    c.founding = p;
                }
            }
            if (ExclusiveChoices.prompt(p.kind)) {
                choices.mark(p, c, p0);
            }
            // Holders are weighed most tell-heavy first, each against the members' tell rate so far: the campaign's
            // core is the profile, not a pooled rate diluted by ordinary accounts that copied the same stock prompt.
            int[] ranked = byTellRate(p, size);
            for (int j = 0; j < size; j++) {
                int i = ranked[j];
                AccountState a = accounts.apply(p.sampled(i));
                // Only holders whose own traffic shows tells join: a value shared with a campaign is not guilt.
                if (a.campaign < 0 && pureHolder[i] && !membership.contradicts(a, p0, c)) {
                    // ...and only when linked in two families (or by one owner value): copying a prompt is not enough.
                    int k = 0;
                    linkBuf[k++] = p;
                    for (long key : a.staticAttrs) {
                        Posting q = key == 0 ? null : postings.get(key);
                        if (q != null) {
                            linkBuf[k++] = q;
                        }
                    }
                    for (long key : a.recentAttrs) {
                        Posting q = key == 0 ? null : postings.get(key);
                        if (q != null) {
                            linkBuf[k++] = q;
                        }
                    }
                    Optional<Link> l = linker.link(linkBuf, k);
                    if (l.isPresent() && l.get().strong() && l.get().campaign() == c) {
                        listener.attributed(a, c, l.get().via(), l.get().strength(), nowMs);
                    } else if (choices.joins(a, c, p0)) {
                        listener.attributed(a, c, p, 1.0, nowMs);
                    } else if (a.heads != null && partner != p && Linker.remembers(a, partner)) {
                        // An end user holding both templates that stood in for a second family (Coordination).
                        listener.attributed(a, c, partner, 1.0, nowMs);
                    }
                }
            }
            return;
        }
        double memberShare = size == 0 || majority == null ? 0 : (double) countIn(p, majority) / size;
        if (ExclusiveChoices.prompt(p.kind) && majority != null && choices.mark(p, majority, p0)) {
            for (int i = 0; i < size; i++) {
                AccountState a = accounts.apply(p.sampled(i));
                if (a.campaign < 0 && choices.joins(a, majority, p0)) {
                    listener.attributed(a, majority, p, 1.0, nowMs);
                }
            }
        }

        // A mailbox hash may collide across people ("john@gmail.com"): it needs members to be most of its holders.
        if (majority != null && CampaignGraph.owner(p.kind) && holders <= CampaignGraph.MAX_OWNER_HOLDERS
                && (p.kind == AttributeKind.PAYMENT || memberShare >= settings.extendPurity())) {
            // One card or one mailbox behind a member and other accounts: cauterize them all, even silent reserves.
            p.campaign = majority.id;
            p.purity = 1f;
            majority.addMarker(p);
            for (int i = 0; i < size; i++) {
                AccountState a = accounts.apply(p.sampled(i));
                if (a.campaign < 0 && !membership.contradicts(a, p0, majority)) {
                    listener.attributed(a, majority, p, 1.0, nowMs);
                }
            }
        } else if (majority != null && size >= MIN_EXTEND_SAMPLE && memberShare >= settings.extendPurity()) {
            // Most holders already belong to one campaign: the value now marks it (a shared BIN, client, burst).
            p.campaign = majority.id;
            p.purity = (float) memberShare;
            majority.addMarker(p);
        } else if (p.campaign >= 0 && graph.campaign(p.campaign) != null && memberShare < 0.5 && purity < 0.5) {
            // Benign holders piled in: the value no longer says who belongs to the campaign.
            p.campaign = -1;
            p.purity = 0;
        } else if (p.campaign >= 0) {
            p.purity = (float) Math.max(purity, memberShare);
        }
    }

    /**
     * The signup-cohort card rule ({@link ExclusiveChoices#cohortCard}): when the slot is exclusive to the campaign
     * of its first sampled member, its holders that share a card inside the slot join, silent ones included.
     */
    private void cohort(Posting slot, long nowMs, double p0, CampaignListener listener) {
        CampaignState c = null;
        for (int i = 0; i < slot.sampleSize() && c == null; i++) {
            AccountState a = accounts.apply(slot.sampled(i));
            c = a.campaign >= 0 ? graph.campaign(a.campaign) : null;
        }
        if (c == null || !choices.mark(slot, c, p0)) {
            return;
        }
        for (int i = 0; i < slot.sampleSize(); i++) {
            AccountState a = accounts.apply(slot.sampled(i));
            Posting card = a.campaign < 0 && !membership.contradicts(a, p0, c) ? choices.cohortCard(a, slot) : null;
            if (card != null) {
                listener.attributed(a, c, card, 1.0, nowMs);
            }
        }
    }

    /** Sample slots of the posting ordered by their holder's own tell rate, highest first (a reused buffer). */
    private int[] byTellRate(Posting p, int size) {
        for (int i = 0; i < size; i++) {
            double r = accounts.apply(p.sampled(i)).tellRate();
            int j = i;
            while (j > 0 && accounts.apply(p.sampled(order[j - 1])).tellRate() < r) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    private int countIn(Posting p, CampaignState c) {
        if (c == null) {
            return 0;
        }
        int k = 0;
        for (int i = 0; i < p.sampleSize(); i++) {
            AccountState a = accounts.apply(p.sampled(i));
            if (a.campaign >= 0 && graph.campaign(a.campaign) == c) {
                k++;
            }
        }
        return k;
    }

    private static double bestZ(long n, long tells, long cot, long rewrite, long grading, long dataset, Baseline b,
                                int holders) {
        double rho = b.rho();
        double z = PooledTest.z(tells, n, b.tellRate(), holders, rho);
        // Each tell tested on its own as well: a surgical campaign may show only one, rare in benign traffic.
        // The extra tests cost a Bonferroni factor, paid by subtracting the z-equivalent of log10(5).
        double penalty = 0.4;
        z = Math.max(z, PooledTest.z(cot, n, b.cotRate(), holders, rho) - penalty);
        z = Math.max(z, PooledTest.z(rewrite, n, b.rewriteRate(), holders, rho) - penalty);
        z = Math.max(z, PooledTest.z(grading, n, b.gradingRate(), holders, rho) - penalty);
        z = Math.max(z, PooledTest.z(dataset, n, b.datasetRate(), holders, rho) - penalty);
        return z;
    }

    /** The campaign the value's sampled holders belong to, merging those that meet here; a new one when none. */
    private CampaignState mergeHolders(Posting p, long nowMs) {
        CampaignState target = p.campaign >= 0 ? graph.campaign(p.campaign) : null;
        for (int i = 0; i < p.sampleSize(); i++) {
            AccountState a = accounts.apply(p.sampled(i));
            if (a.campaign < 0) {
                continue;
            }
            CampaignState c = graph.campaign(a.campaign);
            if (target == null) {
                target = c;
            } else if (c != target) {
                target = CampaignState.merge(target, c);
            }
        }
        if (target == null) {
            target = new CampaignState(campaigns.size(), nowMs);
            campaigns.add(target);
        }
        return target;
    }
}
