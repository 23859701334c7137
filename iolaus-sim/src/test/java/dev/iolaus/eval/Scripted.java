package dev.iolaus.eval;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** A detector that flags what a test tells it to: account X on its Nth call, or on its first lifecycle event. */
final class Scripted implements Detector {
    private final Map<String, Integer> flagOnCall = new HashMap<>();
    private final Map<String, Double> scoreOf = new HashMap<>();
    private final List<String> flagOnSignup = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Double> scores = new HashMap<>();
    private final List<Long> watermarks = new ArrayList<>();
    private final List<Interaction> received = new ArrayList<>();
    private BiConsumer<Interaction, Findings> extra = (i, out) -> { };
    private boolean decisions;
    private int lateEvents;

    static DetectorRegistry registry(Scripted s) {
        return new DetectorRegistry().register("scripted", ctx -> s);
    }

    Scripted flagOnCall(String account, int n) {
        return flagOnCall(account, n, 0.9);
    }

    Scripted flagOnCall(String account, int n, double score) {
        flagOnCall.put(account, n);
        scoreOf.put(account, score);
        return this;
    }

    Scripted flagOnSignup(String account) {
        flagOnSignup.add(account);
        return this;
    }

    Scripted score(String account, double s) {
        scores.put(account, s);
        return this;
    }

    /** Makes it a decision-emitting detector that runs {@code action} on every call. */
    Scripted deciding(BiConsumer<Interaction, Findings> action) {
        decisions = true;
        extra = action;
        return this;
    }

    List<Long> watermarks() {
        return watermarks;
    }

    /** Calls that arrived with a time before a watermark already given: must stay 0. */
    int lateEvents() {
        return lateEvents;
    }

    List<Interaction> received() {
        return received;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void onAccountEvent(AccountEvent event, Findings out) {
        if (flagOnSignup.contains(event.accountId())) {
            scores.put(event.accountId(), 1.0);
            out.flag(new AccountFinding("scripted", event.accountId(), 1.0, event.time(), null, List.of()));
        }
    }

    @Override
    public void onInteraction(Interaction i, Findings out) {
        received.add(i);
        if (!watermarks.isEmpty() && watermarks.get(watermarks.size() - 1) > i.timeMs()) {
            lateEvents++;
        }
        // judged per principal: an end user a call names is a sub-account (account~end user)
        String who = i.principal();
        int n = seen.merge(who, 1, Integer::sum);
        Integer at = flagOnCall.get(who);
        if (at != null && at == n) {
            scores.put(who, scoreOf.get(who));
            out.flag(new AccountFinding("scripted", who, scoreOf.get(who), i.time(), null, List.of()));
        }
        extra.accept(i, out);
    }

    @Override
    public void onWatermark(long nowMs, Findings out) {
        watermarks.add(nowMs);
    }

    @Override
    public Map<String, Double> accountScores() {
        return scores;
    }

    @Override
    public boolean emitsDecisions() {
        return decisions;
    }

    static Campaign campaign(String id, String... accounts) {
        return new Campaign(id, "scripted", java.util.Set.of(accounts), 0.9, null, null, 0, 0, null, null);
    }

    static Decision block(dev.iolaus.model.Scope scope, String value, Interaction at, boolean shadow) {
        return new Decision("d-" + value, scope, value, dev.iolaus.model.Action.BLOCK, "test", null, "scripted", 0.9,
                at.time(), null, shadow);
    }
}
