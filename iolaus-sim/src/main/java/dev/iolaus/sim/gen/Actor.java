package dev.iolaus.sim.gen;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Message;
import dev.iolaus.sim.text.Composer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One account's lazy process: its fixed traits (time zone, client, addresses, models, parameters) and the state of
 * its schedule and current conversation. Each actor owns its random generator, seeded from the run seed and its
 * id, so what it sends never depends on other actors or on enforcement.
 */
final class Actor {
    final int idx;
    final String id;          // the account id requests carry (the host's id for hosted traffic)
    final String key;         // this actor's own id, for event ids
    final Group group;
    final SplittableRandom rng;
    final boolean reserve;
    final double tz;
    final String region;
    final String userAgent;
    final String uaFamily;
    final ApiFlavour flavour;
    final String headerHash;
    final String apiKeyId;
    final String[] ips;
    final String mainModel;
    final String temperature;
    final String maxTokens;
    final boolean stream;
    final boolean sendsConversationId;
    final String project;
    String fixedSystem;       // app or role system prompt, or null
    final int fixedBase;
    final Profile profile;
    long createdMs;
    final List<AccountEvent> lifecycle = new ArrayList<>(3);
    int lifecycleNext;

    long planned;
    long sent;
    long nextTime;
    long startMs;
    long endMs;
    long meanSessionGapMs;
    double inSessionGapMs;
    int sessionLeft;
    boolean newSession = true;
    boolean blocked;
    boolean active;           // false for a dormant reserve until activated
    String conversationId;
    int conversations;
    final List<Message> history = new ArrayList<>(6);
    String lastUser;
    String lastFamily = "plain";
    int endUserPool;          // a host's end users (0 = it names none): picked per conversation, heavy-tailed
    String[] endUserIds;      // a hosted sender's own end-user ids at its host (null = none)
    String endUser;           // the end user of the current conversation, or null
    final List<PendingEndUser> pendingEndUsers = new ArrayList<>(2);

    /** A blocked end-user id of a hosted sender and the time its replacement exists. */
    record PendingEndUser(String blocked, long readyMs) {
    }

    Actor(int idx, String id, String key, Group group, SplittableRandom rng, boolean reserve, Actor host,
          IpCatalog ipc) {
        this.idx = idx;
        this.id = id;
        this.key = key;
        this.group = group;
        this.rng = rng;
        this.reserve = reserve;
        this.tz = Double.parseDouble(group.timeZones.pick(rng));
        this.region = regionOf(tz);
        if (host != null) {
            // Hosted traffic leaves through the host's servers, client and key.
            this.userAgent = host.userAgent;
            this.uaFamily = host.uaFamily;
            this.flavour = host.flavour;
            this.ips = host.ips;
            this.apiKeyId = host.apiKeyId;
        } else {
            this.uaFamily = group.clients.pick(rng);
            this.userAgent = Clients.userAgent(uaFamily, rng);
            this.flavour = Clients.flavour(uaFamily, rng);
            this.apiKeyId = "key_" + Long.toHexString(rng.nextLong() >>> 16);
            this.ips = addresses(group, ipc);
        }
        this.headerHash = Clients.headerOrder(uaFamily);
        this.mainModel = group.models.pick(rng);
        this.temperature = group.temperature.pick(rng);
        this.maxTokens = group.maxTokens.pick(rng);
        this.stream = rng.nextDouble() < group.pop.params().stream();
        this.sendsConversationId = rng.nextDouble() < 0.5;
        this.project = Composer.project(rng);
        this.fixedBase = rng.nextInt(1 << 20);
        this.profile = group.pop.timing().mode().equals("random") ? Profile.of("random", tz, rng)
                : group.profiles.computeIfAbsent(group.pop.timing().mode() + tz,
                        k -> Profile.of(group.pop.timing().mode(), tz, null));
    }

    private String[] addresses(Group g, IpCatalog ipc) {
        int n = 1 + rng.nextInt(g.pop.network().ipsPerAccount());
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            if (g.sharedPool != null) {
                a[i] = g.sharedPool[rng.nextInt(g.sharedPool.length)];
            } else {
                String reg = g.regions.pick(rng);
                a[i] = ipc.sample(g.sources.pick(rng), reg.equals("local") ? region : reg, rng);
            }
        }
        return a;
    }

    static String regionOf(double tz) {
        if (tz <= -4.5) {
            return "us";
        }
        if (tz < -1) {
            return "latam";
        }
        return tz < 4 ? "eu" : "asia";
    }

    /** The address of the next request: mostly the first (home) address; proxies rotate through the pool. */
    String ip() {
        if (group.sharedPool != null && rng.nextDouble() < group.pop.network().rotate()) {
            return group.sharedPool[rng.nextInt(group.sharedPool.length)];
        }
        return ips.length == 1 || rng.nextDouble() < 0.6 ? ips[0] : ips[rng.nextInt(ips.length)];
    }

    /**
     * The end user of a new conversation: a host picks one of its {@link #endUserPool} customers (a few heavy users
     * send most calls, as in any product: index {@code pool * u^3}, so the top 1% send about a fifth); a hosted
     * sender one of its own ids. Null when the account names no end user. Draws nothing otherwise, so scenarios
     * without end users generate exactly what they did before end users existed.
     */
    String nextEndUser() {
        if (endUserIds != null) {
            return endUserIds[endUserIds.length == 1 ? 0 : rng.nextInt(endUserIds.length)];
        }
        if (endUserPool <= 0) {
            return null;
        }
        int i = Math.min(endUserPool - 1, (int) (endUserPool * Math.pow(rng.nextDouble(), 3)));
        return endUserId(key, i);
    }

    /** The id a host gives its {@code i}-th end user: opaque, like the hashed ids providers ask resellers to send. */
    static String endUserId(String hostKey, long i) {
        long h = (hostKey.hashCode() * 0x9E3779B97F4A7C15L) ^ (i * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return String.format("eu_%012x", h >>> 16);
    }

    /**
     * A hosted sender learns that its end-user id {@code blocked} was blocked and signs up a new one at its host,
     * which exists from {@code readyMs} on (a mean of the campaign's reserve delay later); until then its calls under
     * the blocked id are refused. True when the id was its own.
     */
    boolean endUserBlocked(String blocked, long readyMs) {
        if (endUserIds == null) {
            return false;
        }
        for (String id : endUserIds) {
            if (id.equals(blocked)) {
                pendingEndUsers.add(new PendingEndUser(blocked, readyMs));
                return true;
            }
        }
        return false;
    }

    /** Swaps in the new end-user ids that exist by {@code t} (see {@link #endUserBlocked}). */
    void replaceEndUsers(long t) {
        if (pendingEndUsers.isEmpty()) {
            return;
        }
        pendingEndUsers.removeIf(p -> {
            if (p.readyMs() > t) {
                return false;
            }
            for (int i = 0; i < endUserIds.length; i++) {
                if (endUserIds[i].equals(p.blocked())) {
                    endUserIds[i] = endUserId(key, 1_000_000_000L + rng.nextInt(1 << 30));
                    if (p.blocked().equals(endUser)) {
                        endUser = endUserIds[i];
                    }
                }
            }
            return true;
        });
    }

    /** Plans {@code n} requests between {@code from} and {@code to}. */
    void plan(long n, long from, long to) {
        planned = n;
        startMs = from;
        inSessionGapMs = group.pop.timing().sessionGapS() * 1000;
        endMs = Math.max(to, from + 3_600_000L);
        double sessions = Math.max(1.0, n / group.pop.timing().sessionMean());
        // campaigns must finish their plan: aim a little early so random gaps rarely carry them past the end
        double span = (endMs - startMs) * (group.campaign ? 0.92 : 1.0);
        double perSession = span / sessions;
        // sessions take time too: the gap between sessions is what is left of each session's share of the window
        double busy = (group.pop.timing().sessionMean() - 1) * inSessionGapMs;
        if (busy > 0.7 * perSession) {
            inSessionGapMs *= 0.7 * perSession / busy;
            busy = 0.7 * perSession;
        }
        meanSessionGapMs = (long) Math.max(1000, perSession - busy);
    }

    /** First request time, from the window start. */
    long firstTime() {
        return nextSessionStart(startMs - (long) (rng.nextDouble() * meanSessionGapMs * 0.5));
    }

    /** The time of the request after the one at {@code t}. */
    long following(long t) {
        long minGap = (long) (group.pop.timing().minGapS() * 1000);
        if (sessionLeft > 0) {
            sessionLeft--;
            newSession = false;
            return t + Math.max(minGap, (long) exp(inSessionGapMs));
        }
        return Math.max(t + minGap, nextSessionStart(t));
    }

    private long nextSessionStart(long t) {
        double m = meanSessionGapMs * profile.mean();
        long c = Math.max(t, startMs);
        do {
            // gamma(2) gaps: as bursty as people, but a plan of n requests ends near its window end
            c += (long) (exp(m / 2) + exp(m / 2)) + 1;
        } while (rng.nextDouble() > profile.at(c));
        double mean = group.pop.timing().sessionMean();
        // geometric number of requests in the session, mean sessionMean
        sessionLeft = mean <= 1 ? 0 : (int) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(1 - 1 / mean));
        newSession = true;
        return c;
    }

    double exp(double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }
}
