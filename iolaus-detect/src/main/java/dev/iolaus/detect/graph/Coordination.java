package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import java.util.function.IntFunction;

/**
 * The second-family test of campaign discovery: are the holders of a content-anomalous value also dense in another
 * evidence dimension (FRAUDAR's dense block, with popular columns discounted)?
 */
final class Coordination {
    private final GraphSettings settings;
    private final IntFunction<AccountState> accounts;
    private final LongObjectMap<Posting> postings;

    Coordination(GraphSettings settings, IntFunction<AccountState> accounts, LongObjectMap<Posting> postings) {
        this.settings = settings;
        this.accounts = accounts;
        this.postings = postings;
    }

    /**
     * The value proving that the holders of {@code p} are also dense in another evidence family (p itself for a
     * shared card, mailbox or burst; else the qualifying value most concentrated among them, see {@link #better}), or
     * null: they share a card, mailbox or signup burst, or at least {@code minAccounts} of the sampled holders share a value of another family that is
     * not a category ({@link #category}), not merely popular (its holders are at most 20 times the co-holders,
     * FRAUDAR's point: popular values say little) or itself carrying extraction-heavy traffic (a campaign's system
     * prompt), and whose own holders are mostly tell-heavy (a campus /24 shared with students is not). For end users
     * of a host, {@value #MIN_END_USER_HEADS} such template heads other than p stand in for the other family
     * ({@link #endUserHead}).
     */
    Posting partner(Posting p, double p0) {
        if (p.kind.family() == AttributeKind.Family.IDENTITY && p.kind.strong()) {
            return p;
        }
        clearCounts();
        int size = p.sampleSize();
        int selfRemembered = 0;
        for (int i = 0; i < size; i++) {
            AccountState a = accounts.apply(p.sampled(i));
            for (long k : a.staticAttrs) {
                count(k, p.key);
            }
            for (long k : a.recentAttrs) {
                count(k, p.key);
            }
            if (a.heads != null) {
                for (long k : a.heads) {
                    count(k, p.key);
                    selfRemembered += k == p.key ? 1 : 0;
                }
            }
        }
        // Every qualifying value is examined and the best one returned, so the choice never depends on the scratch
        // table's slot order (it once did: a bigger table changed which value became the campaign's marker).
        Posting best = null;
        int bestCount = 0;
        Posting head = null;
        int headCount = 0;
        int heads = 0;
        for (int j = 0; j < used; j++) {
            int slot = usedSlots[j];
            long key = coKeys[slot];
            int c = coCounts[slot];
            if (c < settings.minAccounts()) {
                continue;
            }
            Posting q = postings.get(key);
            // Same family: only the template heads end users remember (see endUserHead); counted, not ranked first.
            boolean sameFamily = q != null && q.kind.family() == p.kind.family();
            if (q == null || sameFamily && !endUserHead(q, p) || category(q.kind)
                    || !sameFamily && best != null && !better(c, q, bestCount, best)) {
                continue;
            }
            boolean rare = q.accounts() <= 20 * c;
            boolean extractive = q.n >= 10 && q.tells >= 0.3 * q.n;
            if ((rare || (q.kind.family() == AttributeKind.Family.SYSTEM && extractive))
                    && holderPurity(q, p0) >= 0.5) {
                if (!sameFamily) {
                    best = q;
                    bestCount = c;
                } else {
                    heads++;
                    if (head == null || better(c, q, headCount, head)) {
                        head = q;
                        headCount = c;
                    }
                }
            }
        }
        // p itself counts as one of the templates when it is a head the end users remember (a first band: another
        // remembered head is then another template, not p's own second band).
        if (p.kind == AttributeKind.HEAD && selfRemembered >= settings.minAccounts()) {
            heads++;
        }
        return best != null ? best : heads >= MIN_END_USER_HEADS && head != null ? head : null;
    }

    /** Distinct template heads (p's included) end users of a group must share to stand in for a second family. */
    static final int MIN_END_USER_HEADS = 2;

    /**
     * A template head (first band) that end users of a host remember ({@link AccountState#heads}): they can show no second
     * family (their network and client are their host's), so for them several distinct templates shared by the same
     * holders stand in for one: each head is another template, another choice of the same operator's material, as in
     * {@link ExclusiveChoices}; one copied prompting trick is one head. Only end users keep heads, so a head among
     * co-held values always comes from end users.
     */
    private static boolean endUserHead(Posting q, Posting p) {
        return q.kind == AttributeKind.HEAD && q.key != p.key;
    }

    /**
     * Orders candidate partners: the value whose holders are most concentrated in this group first (co-holders over
     * all its holders: a card all three of whose holders are here says more than a system prompt band five of its 126
     * holders share, FRAUDAR's point about popular columns), then more co-holders, then the smaller key.
     */
    private static boolean better(int c, Posting q, int bestCount, Posting best) {
        long lhs = (long) c * best.accounts();
        long rhs = (long) bestCount * q.accounts();
        if (lhs != rhs) {
            return lhs > rhs;
        }
        if (c != bestCount) {
            return c > bestCount;
        }
        return q.key < best.key;
    }

    /**
     * Category-like kinds: values that whole populations share (an email domain, a card BIN, an ASN, an SDK). Sharing
     * one is not coordination, however rare it looks inside a sample ("stanford.edu" among researchers).
     */
    static boolean category(AttributeKind k) {
        return k == AttributeKind.EMAIL_DOMAIN || k == AttributeKind.BIN || k == AttributeKind.ASN_DAY
                || k == AttributeKind.CLIENT || k == AttributeKind.SIGNUP_SLOT;
    }

    /** Share of a value's sampled holders whose whole traffic is significantly tell-heavy. */
    private double holderPurity(Posting q, double p0) {
        int size = q.sampleSize();
        if (size == 0) {
            return 0;
        }
        int pure = 0;
        for (int i = 0; i < size; i++) {
            AccountState a = accounts.apply(q.sampled(i));
            if (a.campaign >= 0 || ExclusiveChoices.tellHeavy(a, p0, settings)) {
                pure++;
            }
        }
        return (double) pure / size;
    }

    // Co-held values of the sampled holders and their counts: an open-addressing table under a third full, one probe
    // per count, and the list of slots in use, so that clearing and reading it cost the values seen, not the table.
    // With a LongIntMap (a get and a put per count, all 2,048 slots cleared and scanned per call) partner() was a
    // quarter of the detector thread's time on the hydra bench file; this way, about 7%.
    private static final int MAX_COHELD = Posting.SAMPLE
            * (AccountState.STATIC_ATTRS + AccountState.RECENT_ATTRS + AccountState.HEADS);
    private final long[] coKeys = new long[Integer.highestOneBit(MAX_COHELD) << 2];
    private final int[] coCounts = new int[coKeys.length];
    private final int[] usedSlots = new int[MAX_COHELD];
    private int used;

    private void clearCounts() {
        for (int j = 0; j < used; j++) {
            coKeys[usedSlots[j]] = 0;
        }
        used = 0;
    }

    private void count(long k, long self) {
        if (k == 0 || k == self) {
            return;
        }
        int mask = coKeys.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long x = coKeys[i];
            if (x == k) {
                coCounts[i]++;
                return;
            }
            if (x == 0) {
                coKeys[i] = k;
                coCounts[i] = 1;
                usedSlots[used++] = i;
                return;
            }
            i = (i + 1) & mask;
        }
    }
}
