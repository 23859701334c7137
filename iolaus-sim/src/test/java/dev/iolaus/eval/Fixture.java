package dev.iolaus.eval;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.PaymentMethod;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.Truth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A tiny hand-made scenario: scripted accounts, calls and signups at given seconds, and reserves that activate when
 * an account of their campaign is blocked (a CREATED event at activation, then their scripted calls relative to it).
 */
final class Fixture implements StreamFactory {
    static final long T0 = 1_775_000_000_000L;

    private record Step(String account, long offsetMs, boolean call, int outputTokens, String ip, String card,
                        String sender, String endUser) {
        Step(String account, long offsetMs, boolean call, int outputTokens, String ip, String card, String sender) {
            this(account, offsetMs, call, outputTokens, ip, card, sender, null);
        }
    }

    private final Map<String, Truth.AccountTruth> accounts = new LinkedHashMap<>();
    private final Map<String, long[]> plans = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, List<String>> reservesByCampaign = new HashMap<>();
    private final Map<String, String> hosts = new HashMap<>();
    private final Map<String, String> senders = new HashMap<>();
    private int reservesPerBlock = 2;
    private boolean honoursBlocks = true;

    static Fixture builder() {
        return new Fixture();
    }

    Fixture benign(String account, String archetype) {
        accounts.put(account, new Truth.AccountTruth(account, archetype, null, false));
        return this;
    }

    Fixture attacker(String account, String campaign) {
        accounts.put(account, new Truth.AccountTruth(account, campaign, campaign, false));
        plans.putIfAbsent(campaign, new long[1]);
        return this;
    }

    Fixture reserve(String account, String campaign) {
        accounts.put(account, new Truth.AccountTruth(account, campaign, campaign, true));
        reservesByCampaign.computeIfAbsent(campaign, k -> new ArrayList<>()).add(account);
        return this;
    }

    /** A campaign with no account of its own: its traffic goes out through the (benign) {@code host} account. */
    Fixture hosted(String campaign, String host, long interactions) {
        hosts.put(campaign, host);
        return planned(campaign, interactions);
    }

    /**
     * Calls of a hosted campaign, labelled per call: they leave through {@code host}'s account with event ids whose
     * prefix the truth maps to the campaign (as the simulator's {@code hosted_senders} do).
     */
    Fixture hostedCalls(String campaign, String host, long... seconds) {
        hosts.put(campaign, host);
        senders.put("s" + campaign + "-", campaign);
        for (long s : seconds) {
            steps.add(new Step(host, s * 1000, true, 100, "203.0.113.10", null, "s" + campaign));
        }
        return planned(campaign, seconds.length);
    }

    /** Like {@link #hostedCalls}, every call naming the hosted sender's end user {@code endUser} at the host. */
    Fixture hostedCallsAs(String campaign, String host, String endUser, long... seconds) {
        hosts.put(campaign, host);
        senders.put("s" + campaign + "-", campaign);
        for (long s : seconds) {
            steps.add(new Step(host, s * 1000, true, 100, "203.0.113.10", null, "s" + campaign, endUser));
        }
        return planned(campaign, seconds.length);
    }

    /** Calls of an account naming one of its end users (a reseller's customer), 100 output tokens each. */
    Fixture callsAs(String account, String endUser, long... seconds) {
        for (long s : seconds) {
            steps.add(new Step(account, s * 1000, true, 100, "203.0.113.10", null, null, endUser));
        }
        return this;
    }

    Fixture planned(String campaign, long interactions) {
        plans.computeIfAbsent(campaign, k -> new long[1])[0] = interactions;
        return this;
    }

    /** A call at {@code second} (for a reserve: seconds after its activation). */
    Fixture call(String account, long second, int outputTokens) {
        return call(account, second, outputTokens, "203.0.113.10");
    }

    Fixture call(String account, long second, int outputTokens, String ip) {
        steps.add(new Step(account, second * 1000, true, outputTokens, ip, null, null));
        return this;
    }

    /** Calls at each of the given seconds, 100 output tokens each. */
    Fixture calls(String account, long... seconds) {
        for (long s : seconds) {
            call(account, s, 100);
        }
        return this;
    }

    Fixture signup(String account, long second, String card) {
        steps.add(new Step(account, second * 1000, false, 0, null, card, null));
        return this;
    }

    Fixture reservesPerBlock(int n) {
        reservesPerBlock = n;
        return this;
    }

    /** A replay-like source that ignores blocks: the harness must refuse the blocked account's calls itself. */
    Fixture ignoringBlocks() {
        honoursBlocks = false;
        return this;
    }

    Truth truth() {
        Map<String, Truth.CampaignTruth> campaigns = new LinkedHashMap<>();
        plans.forEach((id, p) -> campaigns.put(id, new Truth.CampaignTruth(id, Instant.ofEpochMilli(T0), null, p[0],
                hosts.containsKey(id) ? List.of(hosts.get(id))
                        : accounts.values().stream().filter(a -> id.equals(a.campaignId()) && !a.reserve())
                                .map(Truth.AccountTruth::accountId).toList(),
                reservesByCampaign.getOrDefault(id, List.of()), List.of("coding"))));
        return new Truth("fixture", 7, 1.0, "built-in", accounts, campaigns, senders);
    }

    @Override
    public EventSource open() {
        return new Source();
    }

    private final class Source implements EventSource {
        private final PriorityQueue<SimEvent> queue = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(a.timeMs(), b.timeMs());
            return c != 0 ? c : id(a).compareTo(id(b));
        });
        private final Set<String> blocked = new HashSet<>();
        private final Map<String, List<String>> idle = new HashMap<>();
        private final Truth truth = Fixture.this.truth();
        private int seq;

        Source() {
            reservesByCampaign.forEach((c, r) -> idle.put(c, new ArrayList<>(r)));
            for (Step s : steps) {
                if (!accounts.get(s.account()).reserve()) {
                    queue.add(event(s, T0));
                }
            }
        }

        private String id(SimEvent e) {
            return e instanceof SimEvent.Call c ? c.interaction().eventId() : ((SimEvent.Lifecycle) e).event().eventId();
        }

        private SimEvent event(Step s, long base) {
            Instant t = Instant.ofEpochMilli(base + s.offsetMs());
            String id = s.sender() == null ? String.format("e%06d", seq++) : s.sender() + "-" + seq++;
            if (!s.call()) {
                PaymentMethod pm = s.card() == null ? null
                        : new PaymentMethod(s.card(), "411111", Funding.PREPAID, "US", "US");
                return new SimEvent.Lifecycle(new AccountEvent(id, t, s.account(),
                        pm == null ? AccountEventType.CREATED : AccountEventType.PAYMENT_METHOD_ADDED, null, null,
                        null, null, List.of(), pm, null));
            }
            return new SimEvent.Call(new Interaction(id, t, s.account(), "k-" + s.account(), null, s.ip(), "sdk/1",
                    null, ApiFlavour.OPENAI_CHAT, "m", null, List.of(Message.of(Role.USER, "prompt " + id)), null,
                    new Usage(10, s.outputTokens(), 0), 50, 200, null, s.endUser()));
        }

        @Override
        public SimEvent next() {
            while (!queue.isEmpty()) {
                SimEvent e = queue.poll();
                String a = e instanceof SimEvent.Call c ? c.interaction().accountId()
                        : ((SimEvent.Lifecycle) e).event().accountId();
                if (!blocked.contains(a)) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public void onBlocked(String accountId, long timeMs) {
            if (!honoursBlocks) {
                return;
            }
            blocked.add(accountId);
            Truth.AccountTruth t = accounts.get(accountId);
            if (t == null || !t.attacker()) {
                return;
            }
            List<String> pool = idle.getOrDefault(t.campaignId(), new ArrayList<>());
            for (int i = 0; i < reservesPerBlock && !pool.isEmpty(); i++) {
                String r = pool.remove(0);
                queue.add(new SimEvent.Lifecycle(new AccountEvent(String.format("e%06d", seq++),
                        Instant.ofEpochMilli(timeMs), r, AccountEventType.CREATED, null, null, null, null, List.of(),
                        null, null)));
                for (Step s : steps) {
                    if (s.account().equals(r)) {
                        queue.add(event(s, timeMs + 1));
                    }
                }
            }
        }

        @Override
        public Truth truth() {
            return truth;
        }

        @Override
        public void close() {
        }
    }
}
