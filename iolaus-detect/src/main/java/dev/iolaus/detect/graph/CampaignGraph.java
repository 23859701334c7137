package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.OwnEvidence;
import dev.iolaus.detect.score.PooledTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The cross-account graph, kept as a bipartite index of accounts and the attribute values they share (postings),
 * updated incrementally per event, with bounded memory (reservoir samples per value, idle singletons swept).
 *
 * <p>Campaign discovery ({@link #pass}): every value shared by enough accounts is a campaign candidate; its pooled
 * content is tested against the benign baseline ({@link PooledTest}), and it must be pure (most sampled holders show
 * tells themselves). A confirmed value marks a campaign; campaigns meeting through shared holders merge. Values whose
 * holders are mostly members of one campaign then mark it too (payment BINs, client fingerprints, signup bursts), so
 * the campaign's evidence grows beyond content and new accounts are attributed on their first event ({@link #link}).
 */
public final class CampaignGraph {
    private final GraphSettings settings;
    private final IntFunction<AccountState> accounts;
    private final LongObjectMap<Posting> postings = new LongObjectMap<>(1 << 16);
    private final List<Posting> dirty = new ArrayList<>();
    private final List<CampaignState> campaigns = new ArrayList<>();
    private final Coordination coordination;
    private final ExclusiveChoices choices;
    private final Posting[] linkBuf = new Posting[1 + AccountState.STATIC_ATTRS + AccountState.RECENT_ATTRS];
    private final boolean[] pureHolder = new boolean[Posting.SAMPLE];
    private final int[] order = new int[Posting.SAMPLE];

    /** A graph over the account states the function returns by dense index. */
    public CampaignGraph(GraphSettings settings, IntFunction<AccountState> accounts) {
        this.settings = settings;
        this.accounts = accounts;
        this.coordination = new Coordination(settings, accounts, postings);
        this.choices = new ExclusiveChoices(this, accounts, postings);
    }

    /** Sampled holders needed before "most holders are members" may extend a campaign to a value. */
    static final int MIN_EXTEND_SAMPLE = 8;

    /** Holders above which a card or mailbox is a corporate or family one, not one operator's. */
    static final int MAX_OWNER_HOLDERS = 10;

    /**
     * True for kinds one owner stands behind: a payment card. (A normalised mailbox hash would be one too, but short
     * common addresses collide across people, so it links only together with another family.)
     */
    static boolean owner(AttributeKind k) {
        return k == AttributeKind.PAYMENT;
    }

    /** Queues a posting for re-evaluation at the next pass (e.g. one of its holders just joined a campaign). */
    public void requeue(long key) {
        Posting p = postings.get(key);
        if (p != null && p.accounts() >= 2) {
            // Already queued in this pass still means "test again": without the reset, a value whose pooled count
            // has not moved (a signup slot of silent accounts) would be skipped as already evaluated.
            p.evaluatedAt = -1;
            if (!p.dirty) {
                p.dirty = true;
                dirty.add(p);
            }
        }
    }

    /** Sample slot of the account in the posting last returned by {@link #touch} (-1 when not sampled). */
    public int lastSlot;

    /**
     * Records that an account holds a value; returns the posting, created when the value is held by a second account,
     * or null while only one account has been seen with it. Most prompt signatures are never shared: a direct-mapped
     * "seen once" table (64 slots of 12 bytes per account, see {@link #ensureSeenCapacity}) keeps them out of the
     * index entirely, which is what keeps memory per account and time per call low.
     */
    public Posting touch(AttributeKind kind, long value, int account, long timeMs) {
        long key = kind.key(value);
        Posting p = postings.get(key);
        if (p == null) {
            int slot = (int) (key ^ (key >>> 29)) & (seenKey.length - 1);
            if (seenKey[slot] != key) {
                seenKey[slot] = key;
                seenAccount[slot] = account;
                lastSlot = -1;
                return null;
            }
            if (seenAccount[slot] == account) {
                lastSlot = -1;
                return null;
            }
            p = new Posting(key, kind, value, timeMs);
            p.addAccount(seenAccount[slot], timeMs);
            seenKey[slot] = 0;
            postings.put(key, p);
        }
        return touch(p, account, timeMs);
    }

    /** Records a lifecycle value (card, mailbox, signup): always indexed, even when held by one account so far. */
    public Posting attach(AttributeKind kind, long value, int account, long timeMs) {
        long key = kind.key(value);
        Posting p = postings.get(key);
        if (p == null) {
            p = new Posting(key, kind, value, timeMs);
            postings.put(key, p);
        }
        return touch(p, account, timeMs);
    }

    private static boolean lifecycle(AttributeKind k) {
        return k.family() == AttributeKind.Family.IDENTITY || k == AttributeKind.SIGNUP_PREFIX;
    }

    /** Largest seen-once table: 4M slots, 48 MB. */
    static final int MAX_SEEN_SLOTS = 1 << 22;
    private long[] seenKey = new long[1 << 12];
    private int[] seenAccount = new int[1 << 12];

    /**
     * Sizes the seen-once table for the number of accounts: 64 slots per account, so that a value survives there
     * long enough for a second account to show it, at a fixed 12 bytes per slot. Growing forgets (it is a filter).
     */
    public void ensureSeenCapacity(int accounts) {
        int want = Math.min(MAX_SEEN_SLOTS, Integer.highestOneBit(Math.max(1, accounts)) * 128);
        if (want > seenKey.length) {
            seenKey = new long[want];
            seenAccount = new int[want];
        }
    }

    /** Records that an account holds the value of an existing posting; queues it for the next pass when shared. */
    public Posting touch(Posting p, int account, long timeMs) {
        lastSlot = p.addAccount(account, timeMs);
        if (!p.dirty && p.accounts() >= settings.minAccounts()) {
            p.dirty = true;
            dirty.add(p);
        }
        return p;
    }

    /** The posting of a value, or null when unknown or swept. */
    public Posting posting(AttributeKind kind, long value) {
        return postings.get(kind.key(value));
    }

    /** The posting under a precomputed key, or null. */
    public Posting postingByKey(long key) {
        return postings.get(key);
    }

    /** Live campaign (after merges) for an id, or null for -1. */
    public CampaignState campaign(int id) {
        if (id < 0) {
            return null;
        }
        CampaignState c = campaigns.get(id);
        while (c.mergedInto >= 0) {
            c = campaigns.get(c.mergedInto);
        }
        return c;
    }

    /** All live (unmerged) campaigns. */
    public List<CampaignState> campaigns() {
        List<CampaignState> out = new ArrayList<>();
        for (CampaignState c : campaigns) {
            if (c.mergedInto < 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** The settings this graph runs with. */
    GraphSettings settings() {
        return settings;
    }

    /** Number of postings held. */
    public int postings() {
        return postings.size();
    }

    /**
     * The system prompt among {@code held} that is exclusive to a campaign, when the account is young (fewer calls
     * than {@link GraphSettings#contradictAfter()}) and does not contradict that campaign; else null. See
     * {@link ExclusiveChoices#young}.
     */
    public Posting youngChoice(AccountState a, Posting[] held, int count, double p0) {
        return choices.young(a, held, count, p0);
    }

    /**
     * The strongest link from the given postings to a campaign they mark, or empty. Within one {@link
     * AttributeKind.Family} only the heaviest value counts (four bands of one template are one fact); a value counts by
     * its kind's weight times its purity. A link is strong ({@link Link#strong()}) when it reaches the threshold with a
     * one-owner identity value (card, mailbox) or with values of two families.
     */
    public Optional<Link> link(Posting[] held, int count) {
        CampaignState best = null;
        double bestStrength = 0;
        Posting bestVia = null;
        int bestFamilies = 0;
        double[] perFamily = new double[AttributeKind.Family.values().length];
        for (int i = 0; i < count; i++) {
            Posting p = held[i];
            if (p == null || p.campaign < 0) {
                continue;
            }
            CampaignState c = campaign(p.campaign);
            if (c == best) {
                continue;
            }
            java.util.Arrays.fill(perFamily, 0);
            Posting via = p;
            for (int j = 0; j < count; j++) {
                Posting q = held[j];
                if (q != null && q.campaign >= 0 && campaign(q.campaign) == c) {
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
        boolean owner = owner(bestVia.kind) && bestVia.purity >= 0.9;
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
        if (owner(q.kind) && q.accounts() > MAX_OWNER_HOLDERS) {
            return 0;
        }
        if (!q.kind.strong() || q.kind == AttributeKind.CLIENT) {
            w /= 1 + q.accounts() / 50.0;
        }
        return w;
    }

    /**
     * A link from an account's attributes to a campaign.
     *
     * @param campaign the campaign
     * @param via the strongest shared value
     * @param strength summed weight
     * @param strong reaches the threshold with a one-owner value or two families: enough to attribute
     */
    public record Link(CampaignState campaign, Posting via, double strength, boolean strong) {
    }

    /** True when an end user remembers the value among its template heads. */
    private static boolean remembers(AccountState a, Posting q) {
        for (long k : a.heads) {
            if (k == q.key) {
                return true;
            }
        }
        return false;
    }

    /** Evaluates the candidates queued since the last pass; attributes sampled holders of confirmed values. */
    public void pass(long nowMs, Baseline baseline, CampaignListener listener) {
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
        if (holders < settings.minAccounts() && !(owner(p.kind) && holders >= 2)) {
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
                CampaignState c = campaign(a.campaign);
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
                if (a.campaign < 0 && pureHolder[i] && !contradicts(a, p0, c)) {
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
                    Optional<Link> l = link(linkBuf, k);
                    if (l.isPresent() && l.get().strong() && l.get().campaign() == c) {
                        listener.attributed(a, c, l.get().via(), l.get().strength(), nowMs);
                    } else if (choices.joins(a, c, p0)) {
                        listener.attributed(a, c, p, 1.0, nowMs);
                    } else if (a.heads != null && partner != p && remembers(a, partner)) {
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
        if (majority != null && owner(p.kind) && holders <= MAX_OWNER_HOLDERS
                && (p.kind == AttributeKind.PAYMENT || memberShare >= settings.extendPurity())) {
            // One card or one mailbox behind a member and other accounts: cauterize them all, even silent reserves.
            p.campaign = majority.id;
            p.purity = 1f;
            majority.addMarker(p);
            for (int i = 0; i < size; i++) {
                AccountState a = accounts.apply(p.sampled(i));
                if (a.campaign < 0 && !contradicts(a, p0, majority)) {
                    listener.attributed(a, majority, p, 1.0, nowMs);
                }
            }
        } else if (majority != null && size >= MIN_EXTEND_SAMPLE && memberShare >= settings.extendPurity()) {
            // Most holders already belong to one campaign: the value now marks it (a shared BIN, client, burst).
            p.campaign = majority.id;
            p.purity = (float) memberShare;
            majority.addMarker(p);
        } else if (p.campaign >= 0 && campaign(p.campaign) != null && memberShare < 0.5 && purity < 0.5) {
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
            c = a.campaign >= 0 ? campaign(a.campaign) : null;
        }
        if (c == null || !choices.mark(slot, c, p0)) {
            return;
        }
        for (int i = 0; i < slot.sampleSize(); i++) {
            AccountState a = accounts.apply(slot.sampled(i));
            Posting card = a.campaign < 0 && !contradicts(a, p0, c) ? choices.cohortCard(a, slot) : null;
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
            if (a.campaign >= 0 && campaign(a.campaign) == c) {
                k++;
            }
        }
        return k;
    }

    /**
     * Bayes factor (baseline over campaign) from which an account's own traffic keeps it out of a campaign: Jeffreys'
     * "strong evidence", 10. Against an established campaign whose members put a tell in 40% of their calls and a 5%
     * baseline, that is five or six calls in a row without a tell, about the allowance of the no-tell rule of
     * {@link #contradicts(AccountState, double)}.
     */
    static final double CONTRADICT_LOG_BF = Math.log(10);

    /**
     * True when the account's own traffic argues against membership: five calls or more without a single tell, or a
     * history long enough to judge and tells not even mildly above the baseline (own z below 1). Sharing a tool
     * schema or a template with a campaign is then taken for what it is, a coincidence of popular content.
     */
    public boolean contradicts(AccountState a, double p0) {
        return a.n >= 5 && a.tells == 0
                || a.n >= settings.contradictAfter() && PooledTest.z(a.tells, a.n, p0, 1, 0) < 1.0;
    }

    /**
     * {@link #contradicts(AccountState, double)}, or the account's own tells are explained better by the benign
     * baseline than by the campaign's members ({@code campaignTells} of their {@code campaignCalls} calls carry a
     * tell), by a Bayes factor of 10 or more ({@link OwnEvidence}). A startup that asks for step-by-step answers in
     * one call of ten is above the baseline but nothing like a campaign that asks in four of ten: sharing the
     * campaign's stock system prompt or template, it stays out. A short history cannot reach the factor, so a fresh
     * account is judged by its links. No effect when the members' rate is not above the baseline.
     */
    public boolean contradicts(AccountState a, double p0, long campaignTells, long campaignCalls) {
        if (contradicts(a, p0)) {
            return true;
        }
        if (campaignCalls > 0 && campaignTells <= p0 * campaignCalls) {
            return false;
        }
        return OwnEvidence.logBayesFactor(a.tells, a.n, p0, campaignTells, campaignCalls) >= CONTRADICT_LOG_BF;
    }

    /** {@link #contradicts(AccountState, double, long, long)} against the campaign's members' traffic. */
    public boolean contradicts(AccountState a, double p0, CampaignState c) {
        return contradicts(a, p0, c.memberTells, c.memberCalls);
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

    private CampaignState mergeHolders(Posting p, long nowMs) {
        CampaignState target = p.campaign >= 0 ? campaign(p.campaign) : null;
        for (int i = 0; i < p.sampleSize(); i++) {
            AccountState a = accounts.apply(p.sampled(i));
            if (a.campaign < 0) {
                continue;
            }
            CampaignState c = campaign(a.campaign);
            if (target == null) {
                target = c;
            } else if (c != target) {
                target = merge(target, c);
            }
        }
        if (target == null) {
            target = new CampaignState(campaigns.size(), nowMs);
            campaigns.add(target);
        }
        return target;
    }

    private CampaignState merge(CampaignState a, CampaignState b) {
        CampaignState keep = a.id < b.id ? a : b;
        CampaignState gone = keep == a ? b : a;
        gone.mergedInto = keep.id;
        keep.members += gone.members;
        keep.interactions += gone.interactions;
        keep.outputTokens += gone.outputTokens;
        keep.memberCalls += gone.memberCalls;
        keep.memberTells += gone.memberTells;
        for (int i = 0; i < keep.capabilities.length; i++) {
            keep.capabilities[i] += gone.capabilities[i];
        }
        keep.firstMs = Math.min(keep.firstMs, gone.firstMs);
        keep.lastMs = Math.max(keep.lastMs, gone.lastMs);
        keep.score = Math.max(keep.score, gone.score);
        keep.z = Math.max(keep.z, gone.z);
        for (Posting m : gone.markers) {
            keep.addMarker(m);
        }
        keep.changed = true;
        return keep;
    }

    /** How long a lifecycle value (card, mailbox, signup network or burst) is kept after its last holder's event. */
    static final long LIFECYCLE_IDLE_MS = 365 * 86_400_000L;

    /**
     * Forgets values no longer worth their memory: singletons idle for {@code singletonIdleMs}, and any value idle for
     * {@code idleMs} that marks no campaign; campaign markers idle for 7 days; lifecycle values idle for a year.
     */
    public void sweep(long nowMs, long singletonIdleMs, long idleMs) {
        // Lifecycle values (cards, mailboxes, signup networks) are few (a handful per account, and accounts are kept)
        // and must outlive a dormant reserve's silence: operators age accounts for months before using them.
        long lifecycleIdleMs = LIFECYCLE_IDLE_MS;
        long markerIdleMs = 7 * 86_400_000L;
        postings.retain(p -> {
            long idle = nowMs - p.lastMs;
            if (lifecycle(p.kind)) {
                return idle < lifecycleIdleMs;
            }
            if (p.campaign >= 0) {
                return idle < markerIdleMs;
            }
            return idle < (p.sampleSize() > 1 ? idleMs : singletonIdleMs);
        });
        dirty.removeIf(p -> postings.get(p.key) != p);
    }

    /** Postings held per kind, split into singletons and shared values (for benchmarks and state accounting). */
    public java.util.Map<String, int[]> census() {
        java.util.Map<String, int[]> out = new java.util.TreeMap<>();
        postings.forEach(p -> out.computeIfAbsent(p.kind.name(), k -> new int[2])[p.accounts() > 1 ? 1 : 0]++);
        return out;
    }

    /** Approximate bytes held by postings, the table and the seen-once filter. */
    public long bytes() {
        long[] total = {postings.tableBytes() + seenKey.length * 12L};
        postings.forEach(p -> total[0] += p.bytes());
        return total[0];
    }
}
