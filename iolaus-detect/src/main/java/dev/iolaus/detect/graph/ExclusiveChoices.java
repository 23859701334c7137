package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.score.PooledTest;
import java.util.function.IntFunction;

/**
 * The "exclusive choices" membership test, for a campaign that paraphrases every wrapper and shares no card, network
 * or client stack: its accounts still pick their system prompts from the operator's own set.
 *
 * <p>A system prompt is <em>exclusive</em> to a campaign when at least two of its sampled holders are members and no
 * other sampled holder is an ordinary account, i.e. one whose own traffic contradicts the campaign (the membership
 * test of {@link CampaignGraph#contradicts(AccountState, double, CampaignState)}); a young account with a handful of
 * calls is evidence neither way. A stock prompt that customers copy has such ordinary holders and is never exclusive,
 * however many campaign accounts use it. A tell-heavy account whose own traffic does not contradict the campaign joins
 * when it holds {@value #MIN_CHOICES} or more distinct exclusive prompts: several different exclusive prompts are
 * several independent choices of the operator's material, not one copied prompt, which is why one evidence family is
 * enough here while a single shared value of it never is.
 */
final class ExclusiveChoices {
    /** Distinct exclusive system prompts an account must hold to join by its choices alone. */
    static final int MIN_CHOICES = 3;
    /** Members among a prompt's sampled holders before it can be exclusive to their campaign. */
    static final int MIN_MEMBERS = 2;

    private final CampaignGraph graph;
    private final IntFunction<AccountState> accounts;
    private final LongObjectMap<Posting> postings;

    ExclusiveChoices(CampaignGraph graph, IntFunction<AccountState> accounts, LongObjectMap<Posting> postings) {
        this.graph = graph;
        this.accounts = accounts;
        this.postings = postings;
    }

    /**
     * Kinds judged for exclusivity: a system prompt and its signature (the band that paraphrases of one prompt share).
     * Only exact prompts count towards {@link #MIN_CHOICES}: a prompt and its signature are one choice, not two.
     */
    static boolean prompt(AttributeKind k) {
        return k == AttributeKind.SYSTEM || k == AttributeKind.SYSTEM_BAND;
    }

    /** Re-judges whether the prompt {@code p} is exclusive to {@code c}; records and returns the verdict. */
    boolean mark(Posting p, CampaignState c, double p0) {
        int members = 0;
        for (int i = 0; i < p.sampleSize(); i++) {
            AccountState a = accounts.apply(p.sampled(i));
            if (a.campaign >= 0 && graph.campaign(a.campaign) == c) {
                members++;
            } else if (graph.contradicts(a, p0, c)) {
                p.exclusiveTo = -1;
                return false;
            }
        }
        p.exclusiveTo = members >= MIN_MEMBERS ? c.id : -1;
        return p.exclusiveTo >= 0;
    }

    /**
     * True when the account (not yet a member) joins {@code c} by its choices: its whole traffic is tell-heavy, does
     * not contradict the campaign, and it holds at least {@value #MIN_CHOICES} distinct prompts exclusive to it.
     */
    boolean joins(AccountState a, CampaignState c, double p0) {
        return tellHeavy(a, p0, graph.settings()) && !graph.contradicts(a, p0, c) && count(a, c) >= MIN_CHOICES;
    }

    /**
     * A young account (fewer than {@code contradictAfter} calls, so its own traffic is evidence neither way) whose
     * call carries a system prompt exclusive to a campaign, or the signature of one (a paraphrase of it), joins it: the prompt is the operator's own material, which
     * no ordinary account uses, and a replacement account that has only just started calling has nothing else to be
     * judged by. An established account needs {@value #MIN_CHOICES} such prompts and tell-heavy traffic
     * ({@link #joins}). Returns the prompt, or null.
     */
    Posting young(AccountState a, Posting[] held, int count, double p0) {
        if (a.campaign >= 0 || a.n >= graph.settings().contradictAfter()) {
            return null;
        }
        for (int i = 0; i < count; i++) {
            Posting q = held[i];
            if (q != null && prompt(q.kind) && q.exclusiveTo >= 0) {
                CampaignState c = graph.campaign(q.exclusiveTo);
                return graph.contradicts(a, p0, c) ? null : q;
            }
        }
        return null;
    }

    /** Distinct system prompts among the account's recently shared values that are exclusive to {@code c}. */
    int count(AccountState a, CampaignState c) {
        int k = 0;
        for (long key : a.recentAttrs) {
            Posting q = key == 0 ? null : postings.get(key);
            if (q != null && q.kind == AttributeKind.SYSTEM && q.exclusiveTo >= 0 && graph.campaign(q.exclusiveTo) == c) {
                k++;
            }
        }
        return k;
    }

    /**
     * The signup-cohort card rule, for a signup slot exclusive to a campaign (members among its holders, no ordinary
     * account): the account's card, shared by at most {@link CampaignGraph#MAX_OWNER_HOLDERS} accounts, of which
     * another also signed up in this slot; else null. A campaign opens its accounts in bursts and pays for them with
     * cards it shares among them, so a card shared inside a burst that only campaign members and silent accounts
     * belong to is the operator's; a customer who signed up in the same minutes has a card of its own, and a family
     * sharing one rarely signs up inside a campaign's burst. Dormant reserves have no traffic to judge, which is why
     * their signup structure is the evidence.
     */
    Posting cohortCard(AccountState a, Posting slot) {
        for (long key : a.staticAttrs) {
            Posting card = key == 0 ? null : postings.get(key);
            if (card == null || card.kind != AttributeKind.PAYMENT || card.accounts() < 2
                    || card.accounts() > CampaignGraph.MAX_OWNER_HOLDERS) {
                continue;
            }
            for (int i = 0; i < card.sampleSize(); i++) {
                AccountState other = accounts.apply(card.sampled(i));
                if (other != a && holds(other, slot.key)) {
                    return card;
                }
            }
        }
        return null;
    }

    private static boolean holds(AccountState a, long key) {
        for (long k : a.staticAttrs) {
            if (k == key) {
                return true;
            }
        }
        return false;
    }

    /** The account's whole traffic is significantly tell-heavy (an elevated rate and one-sided z >= 2). */
    static boolean tellHeavy(AccountState a, double p0, GraphSettings settings) {
        double elevated = Math.max(settings.minLift() * p0, p0 + 0.05);
        return a.tells > 0 && a.tellRate() >= elevated && PooledTest.z(a.tells, a.n, p0, 1, 0) >= 2;
    }
}
