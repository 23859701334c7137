package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.CampaignGraph;
import dev.iolaus.detect.graph.EndUserRule;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.spi.Findings;

/**
 * The detector's clock and periodic work, driven by event time: a discovery pass every 10 minutes (new campaigns
 * emitted at once), and every hour the baseline's dispersion, the end-user rule's decay, the index sweep (every 6
 * hours) and the re-emission of changed campaigns.
 */
final class Housekeeping {
    /** Period of the housekeeping work: an hour. */
    static final long HOUSEKEEPING_MS = 3_600_000L;
    private static final long PASS_MS = 10 * 60_000L;
    private static final long SWEEP_MS = 6 * HOUSEKEEPING_MS;

    private final CampaignGraph graph;
    private final Baseline baseline;
    private final EndUserRule endUsers;
    private final AccountIndex accounts;
    private final Attribution attribution;
    private long streamStartMs = Long.MIN_VALUE;
    private long lastPassMs = Long.MIN_VALUE;
    private long lastHousekeepingMs = Long.MIN_VALUE;
    private long lastSweepMs = Long.MIN_VALUE;
    private long nowMs;

    Housekeeping(CampaignGraph graph, Baseline baseline, EndUserRule endUsers, AccountIndex accounts,
                 Attribution attribution) {
        this.graph = graph;
        this.baseline = baseline;
        this.endUsers = endUsers;
        this.accounts = accounts;
        this.attribution = attribution;
    }

    /** Latest event time seen (0 before the first event). */
    long nowMs() {
        return nowMs;
    }

    /** Event time of the first event, or {@link Long#MIN_VALUE} before it. */
    long streamStartMs() {
        return streamStartMs;
    }

    /** Advances the clock to {@code t} (it never goes back) and runs the periodic work that is due. */
    void tick(long t, Findings out) {
        if (streamStartMs == Long.MIN_VALUE) {
            streamStartMs = t;
            lastPassMs = t;
            lastHousekeepingMs = t;
            lastSweepMs = t;
        }
        nowMs = Math.max(nowMs, t);
        if (nowMs - lastPassMs >= PASS_MS) {
            lastPassMs = nowMs;
            graph.pass(nowMs, baseline, (a, c, via, strength, at) -> attribution.attributed(out, a, c, via, strength,
                    at));
            attribution.emitCampaigns(out, false, nowMs);
        }
        if (nowMs - lastHousekeepingMs >= HOUSEKEEPING_MS) {
            lastHousekeepingMs = nowMs;
            housekeeping(out);
        }
    }

    private void housekeeping(Findings out) {
        long[] tells = new long[accounts.size()];
        long[] n = new long[accounts.size()];
        int k = 0;
        for (AccountState s : accounts.all()) {
            if (s.campaign < 0) {
                tells[k] = s.tells;
                n[k++] = s.n;
            }
        }
        baseline.estimateDispersion(tells, n, k);
        endUsers.decay();
        // The sweep rebuilds the whole attribute index (a pointer read per posting): every SWEEP_MS, not every hour.
        // A value then outlives its idle limit by at most SWEEP_MS, which the limits (6 h, 24 h, 7 d, 365 d) absorb.
        if (nowMs - lastSweepMs >= SWEEP_MS) {
            lastSweepMs = nowMs;
            graph.sweep(nowMs, 6 * HOUSEKEEPING_MS, 24 * HOUSEKEEPING_MS);
        }
        attribution.emitCampaigns(out, true, nowMs);
    }
}
