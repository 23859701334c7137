package dev.iolaus.eval;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.Truth;
import java.util.HashMap;
import java.util.Map;

/**
 * What happened to every account during one run: first event, first call, first flag, block, calls attempted and
 * served, output tokens served; plus an hourly timeline of attack activity and flags for the report's plot.
 */
final class Ledger {
    /** Timeline bucket width: one simulated hour. */
    static final long BUCKET_MS = 3_600_000L;

    /** One account's record; -1 means "never". */
    static class Account {
        long firstEventMs = -1;
        long firstCallMs = -1;
        long flagMs = -1;
        long blockMs = -1;
        long calls;
        long served;
        long servedOutputTokens;
        double flagScore;
    }

    /**
     * One end user of a host account (a sub-account {@code account~end user}): the label of the process that sent
     * its calls (a hosted campaign, or the host's archetype for its own customers).
     */
    static final class EndUser extends Account {
        String label;
        boolean attacker;
    }

    /** Counts of one timeline bucket. */
    static final class Bucket {
        long attackServed;
        long attackRefused;
        long benignServed;
        long attackFlags;
        long benignFlags;
    }

    private final Map<String, Account> accounts = new HashMap<>();
    /** Sub-accounts, kept apart from accounts: they are not accounts, and account metrics must not count them. */
    private final Map<String, EndUser> endUsers = new HashMap<>();
    /** Served calls and output tokens per campaign id, kept when some campaign is hosted in another account. */
    private final Map<String, long[]> campaignServed = new HashMap<>();
    private final java.util.TreeMap<Long, Bucket> timeline = new java.util.TreeMap<>();
    private long calls;
    private long served;

    Account account(String id) {
        if (id.indexOf(Interaction.SUB_ACCOUNT_SEPARATOR) >= 0) {
            return endUsers.computeIfAbsent(id, k -> new EndUser());
        }
        return accounts.computeIfAbsent(id, k -> new Account());
    }

    /**
     * A call that names an end user, counted for its sub-account too; {@code label} is the sender's (hosted
     * campaign or host archetype), {@code attacker} whether that is a campaign.
     */
    void onEndUserCall(Interaction i, boolean refused, String label, boolean attacker) {
        EndUser u = endUsers.computeIfAbsent(i.principal(), k -> new EndUser());
        if (u.label == null) {
            u.label = label;
            u.attacker = attacker;
        }
        long t = i.timeMs();
        if (u.firstCallMs < 0) {
            u.firstCallMs = t;
            u.firstEventMs = t;
        }
        u.calls++;
        if (!refused && i.served()) {
            u.served++;
            u.servedOutputTokens += i.usage().outputTokens();
        }
    }

    /** An account lifecycle event was seen. */
    void onAccountEvent(String accountId, long timeMs) {
        Account a = account(accountId);
        if (a.firstEventMs < 0) {
            a.firstEventMs = timeMs;
        }
    }

    /** A call arrived; {@code refused} when enforcement blocked it. {@code attacker} classifies it for the plot. */
    void onCall(Interaction i, boolean refused, boolean attacker) {
        Account a = account(i.accountId());
        long t = i.timeMs();
        if (a.firstEventMs < 0) {
            a.firstEventMs = t;
        }
        if (a.firstCallMs < 0) {
            a.firstCallMs = t;
        }
        a.calls++;
        calls++;
        boolean ok = !refused && i.served();
        if (ok) {
            a.served++;
            a.servedOutputTokens += i.usage().outputTokens();
            served++;
        }
        Bucket b = bucket(t);
        if (attacker) {
            if (ok) {
                b.attackServed++;
            } else if (refused) {
                b.attackRefused++;
            }
        } else if (ok) {
            b.benignServed++;
        }
    }

    /** A call of a campaign (counted per campaign, which a hosted campaign's account cannot tell). */
    void onCampaignCall(String campaign, Interaction i, boolean refused) {
        if (!refused && i.served()) {
            long[] c = campaignServed.computeIfAbsent(campaign, k -> new long[2]);
            c[0]++;
            c[1] += i.usage().outputTokens();
        }
    }

    /** Served calls and output tokens of a campaign, or null when calls were not counted per campaign. */
    long[] campaignServed(String campaign) {
        return campaignServed.isEmpty() ? null : campaignServed.getOrDefault(campaign, new long[2]);
    }

    /** A flag was reported; the first one counts for time to detect, the highest score is kept. */
    void onFlag(AccountFinding f, long nowMs, Truth truth) {
        Account a = account(f.accountId());
        a.flagScore = Math.max(a.flagScore, f.score());
        detected(f.accountId(), a, Math.max(nowMs, f.time().toEpochMilli()), truth);
    }

    /**
     * Enforcement blocked the account. A block is a detection too: a policy may block an account without a flag of
     * its own (a cauterized reserve, a member of a blocked campaign), and what is enforced is what counts.
     */
    void onBlock(String accountId, long timeMs, Truth truth) {
        Account a = account(accountId);
        if (a.blockMs < 0) {
            a.blockMs = timeMs;
        }
        detected(accountId, a, timeMs, truth);
    }

    private void detected(String accountId, Account a, long t, Truth truth) {
        if (a.flagMs >= 0) {
            return;
        }
        a.flagMs = t;
        Truth.AccountTruth label = truth.accounts().get(accountId);
        Bucket b = bucket(t);
        if (a instanceof EndUser u ? u.attacker : label != null && label.attacker()) {
            b.attackFlags++;
        } else {
            b.benignFlags++;
        }
    }

    private Bucket bucket(long t) {
        return timeline.computeIfAbsent(Math.floorDiv(t, BUCKET_MS) * BUCKET_MS, k -> new Bucket());
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    /** End users (sub-accounts) that sent calls or were flagged, by sub-account id. */
    Map<String, EndUser> endUsers() {
        return endUsers;
    }

    java.util.NavigableMap<Long, Bucket> timeline() {
        return timeline;
    }

    long calls() {
        return calls;
    }

    long served() {
        return served;
    }
}
