package dev.iolaus.gateway.enforce;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link Enforcement}: one hash map per scope, and for CIDRs one map per prefix length.
 *
 * <p>A lookup is a fixed number of hash probes: account, key, IP, campaign, payment, then one probe per prefix
 * length that has at least one CIDR decision (at most 33 for IPv4, 129 for IPv6, in practice a handful). Writers
 * (the engine) and readers (event loops) share concurrent maps; a slot keeps the strongest decision per value so
 * a lookup never iterates.
 *
 * <p>ACCOUNT-scope decisions on a sub-account ({@code account~end user}, see {@link Interaction#principal()}) are
 * kept apart, by account then end user: a request naming an end user is probed there without building the
 * sub-account id, and one naming nobody never reaches them. Sub-accounts linked to a campaign are kept the same way,
 * so a CAMPAIGN-scope decision reaches the end users that are its members (never their host's other calls).
 */
public final class DecisionIndex implements Enforcement {
    private final Map<Scope, ConcurrentHashMap<String, Slot>> byScope = new EnumMap<>(Scope.class);
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<Cidr.Key, Slot>> cidrV4 = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ConcurrentHashMap<Cidr.Key, Slot>> cidrV6 = new ConcurrentHashMap<>();
    private volatile int[] v4Lengths = new int[0];
    private volatile int[] v6Lengths = new int[0];
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Slot>> byEndUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Decision> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> campaignOfAccount = new ConcurrentHashMap<>();
    /** Campaigns of sub-accounts, by host account then end user. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> campaignOfEndUser =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> paymentOfAccount = new ConcurrentHashMap<>();

    /** An empty index. */
    public DecisionIndex() {
        for (Scope s : Scope.values()) {
            if (s != Scope.CIDR) {
                byScope.put(s, new ConcurrentHashMap<>());
            }
        }
    }

    @Override
    public synchronized void accept(Decision d) {
        if (d.expiresAt() != null && d.expiresAt().toEpochMilli() <= System.currentTimeMillis()) {
            return;
        }
        Decision old = byId.put(d.id(), d);
        if (old != null) {
            remove(old);
        }
        slotFor(d, true).add(d);
    }

    @Override
    public synchronized void revoke(String decisionId) {
        Decision old = byId.remove(decisionId);
        if (old != null) {
            remove(old);
        }
    }

    /** Takes a decision out of its slot; an end user's emptied slot goes too, so the account stops paying a read. */
    private void remove(Decision old) {
        Slot s = slotFor(old, false);
        if (s == null) {
            return;
        }
        s.remove(old);
        int sep = endUserSeparator(old);
        if (sep >= 0 && s.isEmpty()) {
            String account = old.value().substring(0, sep);
            ConcurrentHashMap<String, Slot> m = byEndUser.get(account);
            m.remove(old.value().substring(sep + 1), s);
            if (m.isEmpty()) {
                byEndUser.remove(account, m);
            }
        }
    }

    @Override
    public void linkCampaign(String campaignId, Iterable<String> accountIds) {
        for (String a : accountIds) {
            int sep = a.indexOf(Interaction.SUB_ACCOUNT_SEPARATOR);
            if (sep >= 0) {
                campaignOfEndUser.computeIfAbsent(a.substring(0, sep), k -> new ConcurrentHashMap<>())
                        .put(a.substring(sep + 1), campaignId);
            } else {
                campaignOfAccount.put(a, campaignId);
            }
        }
    }

    @Override
    public void linkPayment(String accountId, String paymentFingerprintHash) {
        paymentOfAccount.put(accountId, paymentFingerprintHash);
    }

    @Override
    public String campaignOf(String accountId) {
        if (accountId == null) {
            return null;
        }
        int sep = accountId.indexOf(Interaction.SUB_ACCOUNT_SEPARATOR);
        return sep < 0 ? campaignOfAccount.get(accountId) : campaignOf(accountId.substring(0, sep),
                accountId.substring(sep + 1));
    }

    /** The campaign of the end user's sub-account, or null. */
    private String campaignOf(String accountId, String endUserId) {
        ConcurrentHashMap<String, String> m = campaignOfEndUser.get(accountId);
        return m == null ? null : m.get(endUserId);
    }

    /** Number of decisions held (expired ones included until their slot is next touched). */
    public int size() {
        return byId.size();
    }

    @Override
    public boolean hasEndUserDecisions(String accountId) {
        return accountId != null && (byEndUser.containsKey(accountId) || campaignOfEndUser.containsKey(accountId));
    }

    @Override
    public Decision lookup(String accountId, String endUserId, String apiKeyId, String ip, long nowMs) {
        return find(accountId, endUserId, apiKeyId, ip, nowMs, false);
    }

    @Override
    public Decision lookupShadow(String accountId, String endUserId, String apiKeyId, String ip, long nowMs) {
        return find(accountId, endUserId, apiKeyId, ip, nowMs, true);
    }

    private Decision find(String accountId, String endUserId, String apiKeyId, String ip, long nowMs,
                          boolean shadow) {
        if (byId.isEmpty()) {
            return null;
        }
        Decision best = null;
        best = stronger(best, probe(Scope.ACCOUNT, accountId, nowMs, shadow));
        if (endUserId != null && accountId != null) {
            best = stronger(best, probeEndUser(accountId, endUserId, nowMs, shadow));
            best = stronger(best, probe(Scope.CAMPAIGN, campaignOf(accountId, endUserId), nowMs, shadow));
        }
        best = stronger(best, probe(Scope.API_KEY, apiKeyId, nowMs, shadow));
        best = stronger(best, probe(Scope.IP, ip, nowMs, shadow));
        best = stronger(best, probe(Scope.CAMPAIGN, campaignOf(accountId), nowMs, shadow));
        best = stronger(best, probe(Scope.PAYMENT_FINGERPRINT,
                accountId == null ? null : paymentOfAccount.get(accountId), nowMs, shadow));
        if (ip != null) {
            best = stronger(best, probeCidr(ip, nowMs, shadow));
        }
        return best;
    }

    private Decision probe(Scope scope, String value, long nowMs, boolean shadow) {
        if (value == null) {
            return null;
        }
        Slot s = byScope.get(scope).get(value);
        return s == null ? null : s.strongest(nowMs, shadow);
    }

    private Decision probeEndUser(String accountId, String endUserId, long nowMs, boolean shadow) {
        ConcurrentHashMap<String, Slot> m = byEndUser.get(accountId);
        Slot s = m == null ? null : m.get(endUserId);
        return s == null ? null : s.strongest(nowMs, shadow);
    }

    private Decision probeCidr(String ip, long nowMs, boolean shadow) {
        byte[] addr = Cidr.parseAddress(ip);
        if (addr == null) {
            return null;
        }
        boolean v4 = addr.length == 4;
        int[] lengths = v4 ? v4Lengths : v6Lengths;
        if (lengths.length == 0) {
            return null;
        }
        Map<Integer, ConcurrentHashMap<Cidr.Key, Slot>> maps = v4 ? cidrV4 : cidrV6;
        Decision best = null;
        for (int len : lengths) {
            ConcurrentHashMap<Cidr.Key, Slot> m = maps.get(len);
            Slot s = m == null ? null : m.get(Cidr.Key.of(addr, len));
            if (s != null) {
                best = stronger(best, s.strongest(nowMs, shadow));
            }
        }
        return best;
    }

    /** Where the account ends in an ACCOUNT-scope value naming an end user, or -1 for any other decision. */
    private static int endUserSeparator(Decision d) {
        return d.scope() == Scope.ACCOUNT ? d.value().indexOf(Interaction.SUB_ACCOUNT_SEPARATOR) : -1;
    }

    private Slot slotFor(Decision d, boolean create) {
        int sep = endUserSeparator(d);
        if (sep >= 0) {
            String account = d.value().substring(0, sep);
            String endUser = d.value().substring(sep + 1);
            if (!create) {
                ConcurrentHashMap<String, Slot> m = byEndUser.get(account);
                return m == null ? null : m.get(endUser);
            }
            return byEndUser.computeIfAbsent(account, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(endUser, k -> new Slot());
        }
        if (d.scope() != Scope.CIDR) {
            Map<String, Slot> m = byScope.get(d.scope());
            return create ? m.computeIfAbsent(d.value(), k -> new Slot()) : m.get(d.value());
        }
        Cidr c = Cidr.parse(d.value());
        boolean v4 = c.address().length == 4;
        ConcurrentHashMap<Integer, ConcurrentHashMap<Cidr.Key, Slot>> maps = v4 ? cidrV4 : cidrV6;
        if (!create) {
            ConcurrentHashMap<Cidr.Key, Slot> m = maps.get(c.prefix());
            return m == null ? null : m.get(c.key());
        }
        ConcurrentHashMap<Cidr.Key, Slot> m = maps.computeIfAbsent(c.prefix(), k -> new ConcurrentHashMap<>());
        int[] lengths = maps.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (v4) {
            v4Lengths = lengths;
        } else {
            v6Lengths = lengths;
        }
        return m.computeIfAbsent(c.key(), k -> new Slot());
    }

    static Decision stronger(Decision a, Decision b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(b.action()) > rank(a.action()) ? b : a;
    }

    private static int rank(Action a) {
        return a.ordinal();
    }

    /** The decisions on one value; small (usually one), copied on write so readers never lock. */
    private static final class Slot {
        private volatile Decision[] items = new Decision[0];

        synchronized void add(Decision d) {
            Decision[] a = java.util.Arrays.copyOf(items, items.length + 1);
            a[a.length - 1] = d;
            items = a;
        }

        synchronized void remove(Decision d) {
            items = java.util.Arrays.stream(items).filter(x -> !x.id().equals(d.id())).toArray(Decision[]::new);
        }

        boolean isEmpty() {
            return items.length == 0;
        }

        Decision strongest(long nowMs, boolean shadow) {
            Decision best = null;
            for (Decision d : items) {
                if (d.shadow() == shadow && d.createdAt().toEpochMilli() <= nowMs
                        && (d.expiresAt() == null || nowMs < d.expiresAt().toEpochMilli())) {
                    best = stronger(best, d);
                }
            }
            return best;
        }
    }
}
