package dev.iolaus.sim.gen;

import dev.iolaus.model.Interaction;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import dev.iolaus.sim.scenario.ScenarioSpec;
import dev.iolaus.sim.text.Corpora;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The simulated stream: per-account processes merged by next event time. Blocking an account stops its process and
 * hands its remaining planned work to reserve accounts as its campaign prescribes. Deterministic for a seed: each
 * account has its own generator, and ties are broken by account index.
 */
public final class SimulatedSource implements EventSource {
    private record Entry(long time, int idx, int version) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            if (time != o.time) {
                return time < o.time ? -1 : 1;
            }
            return idx != o.idx ? Integer.compare(idx, o.idx) : Integer.compare(version, o.version);
        }
    }

    private final Built world;
    private final Requests requests;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final int[] versions;
    private final long[] callTime;
    private final Map<String, Actor> byKey = new HashMap<>();
    private long last = Long.MIN_VALUE;
    private long emittedCalls;
    private long activatedReserves;
    private long endUsersReplaced;

    SimulatedSource(Built world, Corpora corpora) {
        this.world = world;
        this.requests = new Requests(corpora);
        int n = world.actors().size();
        this.versions = new int[n];
        this.callTime = new long[n];
        for (Actor a : world.actors()) {
            byKey.put(a.key, a);
            callTime[a.idx] = a.active && a.planned > 0 ? bounded(a, a.firstTime()) : Long.MAX_VALUE;
            push(a);
        }
    }

    /** Opens a scenario: builds the population (accounts, identities, plans) and the lazy stream. */
    public static SimulatedSource open(ScenarioSpec spec, double scale, long seed, Corpora corpora, IpCatalog ipc) {
        return new SimulatedSource(World.build(spec, scale, seed, corpora, ipc), corpora);
    }

    /**
     * Benign accounts stop at the window end (their volume is a rate, not a plan); campaigns finish their planned
     * work even if random gaps carry them a little past it.
     */
    private static long bounded(Actor a, long t) {
        return !a.group.campaign && t > a.endMs ? Long.MAX_VALUE : t;
    }

    private void push(Actor a) {
        long t = Math.min(a.lifecycleNext < a.lifecycle.size() ? a.lifecycle.get(a.lifecycleNext).timeMs() : Long.MAX_VALUE,
                callTime[a.idx]);
        if (t != Long.MAX_VALUE && !a.blocked) {
            queue.add(new Entry(t, a.idx, ++versions[a.idx]));
        }
    }

    @Override
    public SimEvent next() {
        while (true) {
            Entry e = queue.poll();
            if (e == null) {
                return null;
            }
            Actor a = world.actors().get(e.idx());
            if (a.blocked || e.version() != versions[a.idx]) {
                continue;
            }
            SimEvent ev;
            long lt = a.lifecycleNext < a.lifecycle.size() ? a.lifecycle.get(a.lifecycleNext).timeMs() : Long.MAX_VALUE;
            if (lt <= callTime[a.idx]) {
                ev = new SimEvent.Lifecycle(a.lifecycle.get(a.lifecycleNext++));
            } else {
                long t = callTime[a.idx];
                ev = new SimEvent.Call(requests.build(a, t));
                emittedCalls++;
                callTime[a.idx] = a.sent < a.planned ? bounded(a, a.following(t)) : Long.MAX_VALUE;
            }
            push(a);
            last = Math.max(last, ev.timeMs());
            return ev;
        }
    }

    @Override
    public void onBlocked(String accountId, long timeMs) {
        int sep = accountId.indexOf(Interaction.SUB_ACCOUNT_SEPARATOR);
        if (sep >= 0) {
            // One end user of a host: a hosted sender holding that id signs up a new one, its calls under the blocked
            // id refused meanwhile; the host goes on, and a customer of the host whose id it was is refused from now
            // on (the enforcer refuses its calls).
            String endUser = accountId.substring(sep + 1);
            long t = Math.max(timeMs, last);
            for (Actor a : world.byAccount().getOrDefault(Interaction.accountOf(accountId), List.of())) {
                if (!a.blocked && a.group.campaign
                        && a.endUserBlocked(endUser, t + 1 + (long) a.exp(a.group.pop.reserves().delayMinutes() * 60_000.0))) {
                    endUsersReplaced++;
                }
            }
            return;
        }
        List<Actor> as = world.byAccount().get(accountId);
        if (as == null) {
            return;
        }
        long t = Math.max(timeMs, last);
        for (Actor a : as) {
            if (a.blocked) {
                continue;
            }
            a.blocked = true;
            versions[a.idx]++;
            long remaining = a.active ? a.planned - a.sent : 0;
            Group g = a.group;
            int k = g.pop.reserves().perBlock();
            if (g.campaign && remaining > 0 && k > 0) {
                int n = Math.min(k, g.reserves.size() - g.nextReserve);
                for (int j = 0; j < n; j++) {
                    Actor r = g.reserves.get(g.nextReserve++);
                    long share = remaining / n + (j < remaining % n ? 1 : 0);
                    long start = t + 1 + (long) r.exp(g.pop.reserves().delayMinutes() * 60_000.0);
                    if (g.pop.reserves().mode().equals("fresh")) {
                        Accounts.lifecycle(r, t + 1 + (long) r.exp(60_000.0), g.nextReserve - 1, world.seed());
                    }
                    // No account calls before it exists: a dormant reserve from a later signup burst waits for it.
                    start = Math.max(start, r.createdMs + 300_000);
                    r.active = true;
                    r.plan(share, start, Math.max(g.endMs, start + 86_400_000L));
                    callTime[r.idx] = share > 0 ? r.firstTime() : Long.MAX_VALUE;
                    activatedReserves++;
                    push(r);
                }
            }
        }
    }

    @Override
    public Truth truth() {
        return world.truth();
    }

    /**
     * Interactions planned by the initially active accounts: exact for campaigns, expected for the benign
     * population (which stops at the window end).
     */
    public long plannedInteractions() {
        return world.plannedInteractions();
    }

    /** Interactions emitted so far. */
    public long emittedInteractions() {
        return emittedCalls;
    }

    /** Reserve accounts activated so far by blocks. */
    public long activatedReserves() {
        return activatedReserves;
    }

    /** End-user ids hosted senders replaced after one was blocked. */
    public long endUsersReplaced() {
        return endUsersReplaced;
    }

    /**
     * The label of the process that generated an interaction of this stream: its archetype or campaign id. Unlike
     * the account label in the truth, this also names campaigns hosted inside another account (a reseller), so a
     * harness can account their traffic per interaction. Null for an event id this source did not generate.
     */
    public String labelOf(String eventId) {
        int dash = eventId.lastIndexOf('-');
        if (!eventId.startsWith("i-") || dash <= 2) {
            return null;
        }
        Actor a = byKey.get(eventId.substring(2, dash));
        return a == null ? null : a.group.pop.name();
    }

    /** The prefix of every event id an actor with this key sends ({@code i-<key>-<n>}, built in {@code Requests}). */
    static String eventPrefix(String actorKey) {
        return "i-" + actorKey + "-";
    }

    /** Which corpora and ipintel data the run used. */
    public String dataOrigin() {
        return world.corporaOrigin() + "; ipintel " + world.ipOrigin();
    }

    @Override
    public void close() {
        queue.clear();
    }

    /** The built population: actors by index, by account id, and the truth. */
    record Built(List<Actor> actors, Map<String, List<Actor>> byAccount, Truth truth, long plannedInteractions,
                       long seed, String corporaOrigin, String ipOrigin) {
        Built {
            byAccount = new HashMap<>(byAccount);
        }
    }
}
