package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.score.Baseline;
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
    private final LongObjectMap<Posting> postings = new LongObjectMap<>(1 << 16);
    private final List<Posting> dirty = new ArrayList<>();
    private final List<CampaignState> campaigns = new ArrayList<>();
    private final ExclusiveChoices choices;
    private final Membership membership;
    private final Linker linker;
    private final Discovery discovery;

    /** A graph over the account states the function returns by dense index. */
    public CampaignGraph(GraphSettings settings, IntFunction<AccountState> accounts) {
        this.settings = settings;
        this.choices = new ExclusiveChoices(this, accounts, postings);
        this.membership = new Membership(settings);
        this.linker = new Linker(this, settings);
        this.discovery = new Discovery(this, settings, accounts, postings, dirty, campaigns, choices, membership,
                linker);
    }

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

    /**
     * Campaigns merged into another and not yet announced as such ({@code changed} still set): the detector reports
     * each once, after the campaign that carries on, and clears the flag.
     */
    public List<CampaignState> mergedAway() {
        List<CampaignState> out = new ArrayList<>();
        for (CampaignState c : campaigns) {
            if (c.mergedInto >= 0 && c.changed) {
                out.add(c);
            }
        }
        return out;
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
     * one-owner identity value (card, mailbox) or with values of two families. See {@link Linker#link}.
     */
    public Optional<Link> link(Posting[] held, int count) {
        return linker.link(held, count);
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

    /**
     * Evaluates the candidates queued since the last pass; attributes sampled holders of confirmed values (see
     * {@link Discovery}).
     */
    public void pass(long nowMs, Baseline baseline, CampaignListener listener) {
        discovery.pass(nowMs, baseline, listener);
    }

    /**
     * True when the account's own traffic argues against membership: five calls or more without a single tell, or a
     * history long enough to judge and tells not even mildly above the baseline (own z below 1). See
     * {@link Membership#contradicts(AccountState, double)}.
     */
    public boolean contradicts(AccountState a, double p0) {
        return membership.contradicts(a, p0);
    }

    /**
     * {@link #contradicts(AccountState, double)}, or the account's own tells are explained better by the benign
     * baseline than by the campaign's members ({@code campaignTells} of their {@code campaignCalls} calls carry a
     * tell), by a Bayes factor of 10 or more. See {@link Membership#contradicts(AccountState, double, long, long)}.
     */
    public boolean contradicts(AccountState a, double p0, long campaignTells, long campaignCalls) {
        return membership.contradicts(a, p0, campaignTells, campaignCalls);
    }

    /** {@link #contradicts(AccountState, double, long, long)} against the campaign's members' traffic. */
    public boolean contradicts(AccountState a, double p0, CampaignState c) {
        return membership.contradicts(a, p0, c);
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
