package dev.iolaus.sim.gen;

import dev.iolaus.sim.scenario.Population;
import dev.iolaus.sim.scenario.ScenarioSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A population at run time: its profile, resolved weight tables, window and (for campaigns) reserve supply. */
final class Group {
    private static final Set<String> MUNDANE = Set.of("chat", "general", "roles");

    final Population pop;
    final boolean campaign;
    final int index;
    final long startMs;
    final long endMs;
    final int canonical;
    final Weighted pools;
    final Weighted mundanePools;
    final Weighted wrappers;
    final Weighted models;
    final Weighted clients;
    final Weighted temperature;
    final Weighted maxTokens;
    final Weighted sources;
    final Weighted regions;
    final Weighted timeZones;
    final Weighted email;
    final Weighted funding;
    final Weighted cardCountry;
    final List<Actor> actors = new ArrayList<>();
    final List<Actor> reserves = new ArrayList<>();
    final Map<String, Profile> profiles = new HashMap<>();
    int nextReserve;
    String[] sharedPool;
    Group hostGroup;
    final String releaseModel;
    final long releaseMs;

    Group(Population pop, boolean campaign, int index, ScenarioSpec spec) {
        this.pop = pop;
        this.campaign = campaign;
        this.index = index;
        long s = spec.start().toEpochMilli();
        long windowEnd = spec.end().toEpochMilli();
        this.startMs = s + (long) (pop.startDay() * 86_400_000L);
        this.endMs = pop.endDay() > 0 ? Math.min(windowEnd, s + (long) (pop.endDay() * 86_400_000L)) : windowEnd;
        if (endMs <= startMs) {
            throw new IllegalArgumentException("'" + pop.name() + "': end_day must be after start_day");
        }
        this.canonical = pop.name().hashCode() & 0x7fffffff;
        this.pools = new Weighted(pop.prompts(), "'" + pop.name() + "' prompts");
        Map<String, Double> mundane = new HashMap<>();
        pop.prompts().forEach((k, v) -> {
            if (MUNDANE.contains(k)) {
                mundane.put(k, v);
            }
        });
        this.mundanePools = new Weighted(mundane.isEmpty() ? Map.of("chat", 0.7, "general", 0.2, "roles", 0.1) : mundane,
                "'" + pop.name() + "' mundane prompts");
        this.wrappers = pop.wrappers().isEmpty() ? null : new Weighted(pop.wrappers(), "'" + pop.name() + "' wrappers");
        this.models = new Weighted(pop.models(), "'" + pop.name() + "' models");
        this.clients = new Weighted(pop.clients().containsKey("mixed") && pop.clients().size() == 1 ? Clients.MIXED
                : expandMixed(pop.clients()), "'" + pop.name() + "' clients");
        this.temperature = new Weighted(pop.params().temperature(), "'" + pop.name() + "' temperature");
        this.maxTokens = new Weighted(pop.params().maxTokens(), "'" + pop.name() + "' max_tokens");
        this.sources = new Weighted(pop.network().sources(), "'" + pop.name() + "' network sources");
        this.regions = new Weighted(pop.network().regions(), "'" + pop.name() + "' network regions");
        this.timeZones = new Weighted(pop.timing().timeZones(), "'" + pop.name() + "' time zones");
        this.email = new Weighted(pop.identity().email(), "'" + pop.name() + "' email");
        this.funding = new Weighted(pop.identity().funding(), "'" + pop.name() + "' funding");
        this.cardCountry = new Weighted(pop.identity().cardCountry(), "'" + pop.name() + "' card country");
        ScenarioSpec.Release rel = spec.releases().isEmpty() ? null : spec.releases().get(0);
        this.releaseModel = rel == null ? null : rel.model();
        this.releaseMs = rel == null ? Long.MAX_VALUE : s + (long) (rel.day() * 86_400_000L);
    }

    private static Map<String, Double> expandMixed(Map<String, Double> clients) {
        Double mixed = clients.get("mixed");
        if (mixed == null) {
            return clients;
        }
        Map<String, Double> m = new HashMap<>(clients);
        m.remove("mixed");
        Clients.MIXED.forEach((k, v) -> m.merge(k, v * mixed, Double::sum));
        return m;
    }

    /** Whether a pool name is a "mundane" (general chat) pool. */
    static boolean mundane(String pool) {
        return MUNDANE.contains(pool);
    }

    /** Capabilities a campaign targets, for the truth file. */
    List<String> capabilities() {
        List<String> caps = new ArrayList<>();
        for (String p : new java.util.TreeSet<>(pop.prompts().keySet())) {
            String c = switch (p) {
                case "code", "eval" -> "coding";
                case "reasoning" -> "reasoning";
                case "tool" -> "tool-use";
                case "sensitive" -> "censorship-rewrites";
                case "general", "chat", "roles" -> null;
                default -> p;
            };
            if (c != null && !caps.contains(c)) {
                caps.add(c);
            }
        }
        for (String w : new java.util.TreeSet<>(pop.wrappers().keySet())) {
            String c = switch (w) {
                case "cot", "imagine" -> "chain-of-thought";
                case "grader" -> "reward-modelling";
                case "agentic" -> "agentic-coding";
                case "computer" -> "computer-use";
                case "censor" -> "censorship-rewrites";
                default -> null;
            };
            if (c != null && !caps.contains(c)) {
                caps.add(c);
            }
        }
        return caps;
    }
}
