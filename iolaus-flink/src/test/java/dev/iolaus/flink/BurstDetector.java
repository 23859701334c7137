package dev.iolaus.flink;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny deterministic test detector using every output kind: flags an account on its {@code calls}-th call (only
 * if it signed up first), and on each watermark groups the flagged accounts into one campaign and blocks the new ones.
 */
final class BurstDetector implements Detector {
    static final String NAME = "burst";

    private final int calls;
    private final Set<String> signedUp = new LinkedHashSet<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Set<String> flagged = new LinkedHashSet<>();
    private final List<String> fresh = new ArrayList<>();
    private long interactions;

    BurstDetector(DetectorContext ctx) {
        this.calls = (int) ctx.number("calls", 5);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onAccountEvent(AccountEvent event, Findings out) {
        signedUp.add(event.accountId());
    }

    @Override
    public void onInteraction(Interaction i, Findings out) {
        interactions++;
        int n = counts.merge(i.accountId(), 1, Integer::sum);
        if (n == calls && signedUp.contains(i.accountId())) {
            flagged.add(i.accountId());
            fresh.add(i.accountId());
            out.flag(new AccountFinding(NAME, i.accountId(), 0.9, i.time(), "burst-1", List.of()));
        }
    }

    @Override
    public void onWatermark(long nowMs, Findings out) {
        if (fresh.isEmpty()) {
            return;
        }
        Instant now = Instant.ofEpochMilli(nowMs);
        out.campaign(new Campaign("burst-1", NAME, flagged, 0.8, now, now, interactions, 0, List.of(), List.of()));
        for (String a : fresh) {
            out.decision(new Decision("d-" + a + "-" + nowMs, Scope.ACCOUNT, a, Action.BLOCK, "burst", "burst-1",
                    NAME, 0.9, now, null, false));
        }
        fresh.clear();
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> m = new HashMap<>();
        flagged.forEach(a -> m.put(a, 0.9));
        return m;
    }
}
