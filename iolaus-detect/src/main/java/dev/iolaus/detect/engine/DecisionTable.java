package dev.iolaus.detect.engine;

import dev.iolaus.detect.policy.Cidrs;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

/**
 * The decisions in force, by scope and value: O(1) lookup, expiry in event time.
 *
 * <p>One thread (the engine) writes; any thread may read: each key maps to an immutable array replaced on write. A
 * key may hold several decisions (a shadow block beside an enforced throttle, say); lookups return the strongest
 * active one. Expired decisions are dropped by {@link #expire} as event time advances, and also ignored by lookups at
 * a later time before that happens.
 */
public final class DecisionTable {
    private static final Decision[] EMPTY = new Decision[0];

    private record Key(Scope scope, String value) {
    }

    private final Map<Key, Decision[]> byKey = new ConcurrentHashMap<>();
    private final PriorityQueue<Decision> expiries =
            new PriorityQueue<>(Comparator.comparing(Decision::expiresAt));
    private final ConcurrentSkipListSet<Integer> cidrPrefixes = new ConcurrentSkipListSet<>();
    private volatile int size;

    /** Adds a decision (replacing one with the same id). */
    public void put(Decision d) {
        Key k = new Key(d.scope(), d.value());
        Decision[] old = byKey.getOrDefault(k, EMPTY);
        Decision[] next = null;
        for (int i = 0; i < old.length; i++) {
            if (old[i].id().equals(d.id())) {
                next = old.clone();
                next[i] = d;
                break;
            }
        }
        if (next == null) {
            next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = d;
            size++;
        }
        byKey.put(k, next);
        if (d.expiresAt() != null) {
            expiries.add(d);
        }
        if (d.scope() == Scope.CIDR) {
            int slash = d.value().indexOf('/');
            if (slash > 0) {
                try {
                    cidrPrefixes.add(Integer.parseInt(d.value().substring(slash + 1)));
                } catch (NumberFormatException e) {
                    // A malformed CIDR can still be looked up by exact value.
                }
            }
        }
    }

    /** Drops every decision that lapsed at or before {@code nowMs}, telling the listener about each. */
    public void expire(long nowMs, Consumer<Decision> onExpired) {
        while (!expiries.isEmpty() && expiries.peek().expiresAt().toEpochMilli() <= nowMs) {
            Decision d = expiries.poll();
            Key k = new Key(d.scope(), d.value());
            Decision[] old = byKey.get(k);
            if (old == null) {
                continue;
            }
            List<Decision> keep = new ArrayList<>(old.length);
            for (Decision x : old) {
                if (x != d) {
                    keep.add(x);
                }
            }
            if (keep.size() == old.length) {
                continue;
            }
            size--;
            if (keep.isEmpty()) {
                byKey.remove(k);
            } else {
                byKey.put(k, keep.toArray(EMPTY));
            }
            onExpired.accept(d);
        }
    }

    /** The strongest enforced decision on this scope and value active at {@code nowMs}, or null. */
    public Decision enforced(Scope scope, String value, long nowMs) {
        return strongest(scope, value, nowMs, false);
    }

    /** The strongest decision, shadow included, active at {@code nowMs}, or null. */
    public Decision any(Scope scope, String value, long nowMs) {
        return strongest(scope, value, nowMs, true);
    }

    private Decision strongest(Scope scope, String value, long nowMs, boolean withShadow) {
        if (value == null) {
            return null;
        }
        Decision[] ds = byKey.get(new Key(scope, value));
        if (ds == null) {
            return null;
        }
        Decision best = null;
        java.time.Instant now = java.time.Instant.ofEpochMilli(nowMs);
        for (Decision d : ds) {
            if ((withShadow || d.enforced()) && d.activeAt(now)
                    && (best == null || d.action().ordinal() > best.action().ordinal())) {
                best = d;
            }
        }
        return best;
    }

    /**
     * The strongest enforced decision applying to a request by any of its scopes, or null.
     *
     * @param accountId the account
     * @param apiKeyId the key id, or null
     * @param ip the client address, or null
     * @param campaignId the account's campaign, or null
     * @param paymentFingerprints the account's payment fingerprint hashes
     * @param nowMs event time of the request
     */
    public Decision match(String accountId, String apiKeyId, String ip, String campaignId,
                          List<String> paymentFingerprints, long nowMs) {
        Decision best = enforced(Scope.ACCOUNT, accountId, nowMs);
        best = stronger(best, enforced(Scope.API_KEY, apiKeyId, nowMs));
        best = stronger(best, enforced(Scope.IP, ip, nowMs));
        best = stronger(best, enforced(Scope.CAMPAIGN, campaignId, nowMs));
        for (String fp : paymentFingerprints) {
            best = stronger(best, enforced(Scope.PAYMENT_FINGERPRINT, fp, nowMs));
        }
        if (ip != null) {
            for (int prefix : cidrPrefixes) {
                // Policies write CIDR decisions with a v4 prefix; IPv6 prefixes are stored doubled (see Cidrs).
                int v4 = ip.indexOf(':') >= 0 ? prefix / 2 : prefix;
                if (v4 >= 8 && v4 <= 32) {
                    best = stronger(best, enforced(Scope.CIDR, Cidrs.prefix(ip, v4), nowMs));
                }
            }
        }
        return best;
    }

    /** The decision with the stronger action of two (the first on a tie), either may be null. */
    public static Decision stronger(Decision a, Decision b) {
        if (a == null) {
            return b;
        }
        return b != null && b.action().ordinal() > a.action().ordinal() ? b : a;
    }

    /** Decisions held, active or not yet expired by {@link #expire}. */
    public int size() {
        return size;
    }

    /** Every decision held, for reports (a copy). */
    public List<Decision> all() {
        List<Decision> out = new ArrayList<>(size);
        for (Decision[] ds : byKey.values()) {
            out.addAll(Arrays.asList(ds));
        }
        return out;
    }
}
