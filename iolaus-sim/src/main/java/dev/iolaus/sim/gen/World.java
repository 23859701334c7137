package dev.iolaus.sim.gen;

import dev.iolaus.sim.Truth;
import dev.iolaus.sim.scenario.Identity;
import dev.iolaus.sim.scenario.Population;
import dev.iolaus.sim.scenario.ScenarioSpec;
import dev.iolaus.sim.text.Corpora;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Builds the population of a scenario at a scale: groups, accounts, identities, plans and the truth. */
final class World {
    private static final long DAY = 86_400_000L;

    private final ScenarioSpec spec;
    private final double scale;
    private final long seed;
    private final IpCatalog ipc;
    private Corpora corpora;
    private final List<Actor> actors = new ArrayList<>();
    private final Map<String, List<Actor>> byAccount = new HashMap<>();

    private World(ScenarioSpec spec, double scale, long seed, IpCatalog ipc) {
        this.spec = spec;
        this.scale = scale;
        this.seed = seed;
        this.ipc = ipc;
    }

    static SimulatedSource.Built build(ScenarioSpec spec, double scale, long seed, Corpora corpora, IpCatalog ipc) {
        return new World(spec, scale, seed, ipc).build(corpora);
    }

    private SimulatedSource.Built build(Corpora corpora) {
        this.corpora = corpora;
        List<Group> benign = new ArrayList<>();
        List<Group> campaigns = new ArrayList<>();
        Map<String, Group> byName = new HashMap<>();
        int gi = 0;
        for (Population p : spec.benign().archetypes()) {
            Group g = new Group(p, false, gi++, spec);
            benign.add(g);
            if (byName.put(p.name(), g) != null) {
                throw new IllegalArgumentException("duplicate archetype name '" + p.name() + "'");
            }
        }
        for (Population p : spec.campaigns()) {
            Group g = new Group(p, true, gi++, spec);
            campaigns.add(g);
            if (byName.put(p.name(), g) != null) {
                throw new IllegalArgumentException("duplicate name '" + p.name() + "'");
            }
        }
        double shares = benign.stream().mapToDouble(g -> g.pop.share()).sum();
        for (Group g : benign) {
            int n = g.pop.fixedAccounts() > 0 ? g.pop.fixedAccounts()
                    : (int) Math.max(g.pop.share() > 0 ? 1 : 0, Math.round(spec.benign().accounts() * scale * g.pop.share() / shares));
            sharedPool(g, n);
            for (int i = 0; i < n; i++) {
                Actor a = actor(g, i, false, null);
                a.endUserPool = g.pop.endUsers() <= 0 ? 0 : (int) Math.max(1, Math.round(g.pop.endUsers() * scale));
                long created = created(g, a, i);
                Accounts.lifecycle(a, created, i, seed);
                long from = Math.max(g.startMs, created + 600_000);
                double days = Math.max(0, (g.endMs - from) / (double) DAY);
                // a fixed account count does not shrink with the scale, so its volume does
                // (and a named account, like the reseller, sends exactly its stated volume)
                double volume = g.pop.fixedAccounts() > 0 ? g.pop.perDay() * days * Math.min(1.0, scale)
                        : g.pop.perDay() * days * volumeMultiplier(g, a.rng);
                long planned = (long) Math.floor(volume + a.rng.nextDouble());
                a.plan(planned, from, g.endMs);
                a.active = true;
            }
        }
        Map<String, Truth.CampaignTruth> ct = new TreeMap<>();
        long planned = benign.stream().flatMap(g -> g.actors.stream()).mapToLong(a -> a.planned).sum();
        for (Group g : campaigns) {
            int n = Math.max(1, (int) Math.round(g.pop.accounts() * scale));
            long total = Math.max(n, Math.round(g.pop.interactions() * scale));
            Group host = g.pop.host() == null ? null : byName.get(g.pop.host());
            if (g.pop.host() != null && (host == null || host.campaign || host.actors.isEmpty())) {
                throw new IllegalArgumentException("campaign '" + g.pop.name() + "': host '" + g.pop.host()
                        + "' is not a benign archetype with accounts");
            }
            sharedPool(g, n);
            double[] w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                Actor a = actor(g, i, false, host == null ? null : host.actors.get(0));
                if (host != null && (host.actors.get(0).endUserPool > 0 || g.pop.endUsers() > 0)) {
                    // its own ids at the host, opaque like the host's customers' (a hosted sender is one of them)
                    a.endUserIds = new String[Math.max(1, g.pop.endUsers())];
                    for (int k = 0; k < a.endUserIds.length; k++) {
                        a.endUserIds[k] = Actor.endUserId(a.key, k);
                    }
                }
                w[i] = volumeMultiplier(g, a.rng);
                sum += w[i];
            }
            long assigned = 0;
            for (int i = 0; i < n; i++) {
                Actor a = g.actors.get(i);
                long share = i == n - 1 ? total - assigned : Math.round(total * w[i] / sum);
                share = Math.max(0, Math.min(share, total - assigned));
                assigned += share;
                long created = host == null ? created(g, a, i) : g.startMs;
                if (host == null) {
                    Accounts.lifecycle(a, created, i, seed);
                }
                // accounts join over the first tenth of the campaign: a ramp, not a wall
                long from = Math.max(created + 600_000, g.startMs + (long) (a.rng.nextDouble() * 0.1 * (g.endMs - g.startMs)));
                a.plan(share, from, g.endMs);
                a.active = true;
            }
            planned += total;
            int reserves = host == null ? (int) Math.round(n * g.pop.reserves().pool()) : 0;
            for (int i = 0; i < reserves; i++) {
                Actor r = actor(g, n + i, true, null);
                if (g.pop.reserves().mode().equals("dormant")) {
                    Accounts.lifecycle(r, created(g, r, n + i), n + i, seed);
                }
            }
            // The operator wakes its oldest dormant reserves first (the ones that exist when a block lands).
            g.reserves.sort(java.util.Comparator.comparingLong((Actor r) -> r.createdMs).thenComparing(r -> r.id));
            ct.put(g.pop.name(), new Truth.CampaignTruth(g.pop.name(), Instant.ofEpochMilli(g.startMs),
                    Instant.ofEpochMilli(g.endMs), total,
                    host == null ? g.actors.stream().map(a -> a.id).sorted().toList() : List.of(host.actors.get(0).id),
                    g.reserves.stream().map(a -> a.id).sorted().toList(), g.capabilities()));
        }
        Map<String, Truth.AccountTruth> at = new TreeMap<>();
        Map<String, String> hosted = new TreeMap<>();
        for (Actor a : actors) {
            if (a.group.pop.host() != null) {
                // hosted traffic has no account of its own: its calls are labelled by their event-id prefix
                hosted.put(SimulatedSource.eventPrefix(a.key), a.group.pop.name());
                continue;
            }
            String camp = a.group.campaign ? a.group.pop.name() : null;
            at.put(a.id, new Truth.AccountTruth(a.id, a.group.pop.name(), camp, a.reserve));
        }
        Truth truth = new Truth(spec.name(), seed, scale, corpora.origin(), at, ct, hosted);
        return new SimulatedSource.Built(List.copyOf(actors), byAccount, truth, planned, seed, corpora.origin(),
                ipc.origin());
    }

    private Actor actor(Group g, int ordinal, boolean reserve, Actor host) {
        int idx = actors.size();
        long h = mix(seed * 0x9E3779B97F4A7C15L + idx);
        String key = String.format("%012x", h >>> 16);
        String id = host != null ? host.id : "acct_" + key;
        Actor a = new Actor(idx, id, key, g, new SplittableRandom(mix(seed ^ mix(key.hashCode()))), reserve, host, ipc);
        if (host == null) {
            a.fixedSystem = switch (g.pop.system()) {
                case "app" -> dev.iolaus.sim.text.Composer.appSystemPrompt(a.rng);
                case "casual" -> dev.iolaus.sim.text.Composer.casualSystem(a.rng);
                case "roles" -> corpora.pick("roles", g.campaign, a.rng).text();
                default -> null;
            };
        }
        actors.add(a);
        (reserve ? g.reserves : g.actors).add(a);
        byAccount.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
        return a;
    }

    private void sharedPool(Group g, int accounts) {
        int size = g.pop.network().sharedPool();
        if (size <= 0) {
            return;
        }
        int n = size; // a NAT or a proxy network does not shrink with the scenario: its size is the point
        SplittableRandom r = new SplittableRandom(mix(seed ^ g.pop.name().hashCode()));
        g.sharedPool = new String[n];
        for (int i = 0; i < n; i++) {
            String reg = g.regions.pick(r);
            g.sharedPool[i] = ipc.sample(g.sources.pick(r), reg.equals("local") ? "us" : reg, r);
        }
    }

    /** Signup time: independent for most people, in bursts for campaigns that script their signups. */
    private long created(Group g, Actor a, int ordinal) {
        Identity id = g.pop.identity();
        long s = spec.start().toEpochMilli();
        long from = s + (long) (id.createdFromDay() * DAY);
        // signups after the window ends would never be seen: clip to the window
        long to = Math.min(s + (long) (id.createdToDay() * DAY), spec.end().toEpochMilli() - DAY / 4);
        if (to <= from) {
            to = from + DAY;
        }
        if (id.burst() > 1) {
            int burst = ordinal / id.burst();
            long burstTime = from + (long) (new SplittableRandom(mix(seed + g.index * 7919L + burst)).nextDouble() * (to - from));
            return burstTime + (ordinal % id.burst()) * (20_000L + a.rng.nextInt(100_000));
        }
        long recentFrom = Math.max(from, to - 30 * DAY);
        return a.rng.nextDouble() < id.recent() ? recentFrom + (long) (a.rng.nextDouble() * (to - recentFrom))
                : from + (long) (a.rng.nextDouble() * (to - from));
    }

    /** Per-account volume relative to the population mean: Pareto (power law) or a mild log-normal spread. */
    private static double volumeMultiplier(Group g, SplittableRandom r) {
        double shape = g.pop.volumeShape();
        if (shape <= 1.0) {
            return Math.exp(0.35 * r.nextGaussian() - 0.06);
        }
        double xm = (shape - 1) / shape;
        return Math.min(50, xm / Math.pow(1 - r.nextDouble(), 1 / shape));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
