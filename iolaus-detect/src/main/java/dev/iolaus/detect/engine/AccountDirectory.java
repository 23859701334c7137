package dev.iolaus.detect.engine;

import dev.iolaus.detect.policy.AccountInfo;
import dev.iolaus.detect.policy.AccountLookup;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine knows of each account for scopes and cauterization: signup time, last address, key ids, payment
 * fingerprints and strong attributes, each list capped so that an account costs a few hundred bytes.
 *
 * <p>Bounded: beyond its capacity the least recently active account is forgotten (it is re-learnt from its next
 * events). Written by the engine thread only.
 */
public final class AccountDirectory implements AccountLookup {
    static final int MAX_KEYS = 4;
    static final int MAX_PAYMENTS = 4;
    static final int MAX_ATTRIBUTES = 12;

    private final Map<String, Entry> entries;
    /** Accounts seen only through account events so far (signed up, no request yet), in signup order. */
    private final java.util.LinkedHashSet<String> dormant = new java.util.LinkedHashSet<>();

    /** One account's state. */
    static final class Entry {
        final String accountId;
        long createdMs = Long.MIN_VALUE;
        long interactions;
        String lastIp;
        String[] keys = new String[0];
        String[] payments = new String[0];
        StrongAttribute[] attributes = new StrongAttribute[0];
        Funding funding;
        String country;
        String plan;

        Entry(String accountId) {
            this.accountId = accountId;
        }

        /** Adds the attribute if new and there is room; true when added. */
        boolean addAttribute(StrongAttribute a) {
            for (StrongAttribute x : attributes) {
                if (x.equals(a)) {
                    return false;
                }
            }
            if (attributes.length >= MAX_ATTRIBUTES) {
                return false;
            }
            attributes = Arrays.copyOf(attributes, attributes.length + 1);
            attributes[attributes.length - 1] = a;
            return true;
        }
    }

    /** A directory remembering at most {@code capacity} accounts. */
    public AccountDirectory(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountDirectory.Entry> eldest) {
                if (size() > capacity) {
                    dormant.remove(eldest.getKey());
                    return true;
                }
                return false;
            }
        };
    }

    Entry entry(String accountId) {
        return entries.computeIfAbsent(accountId, Entry::new);
    }

    /** Records an account event's facts (signup time, country, plan, payment). */
    Entry update(AccountEvent e) {
        Entry en = entry(e.accountId());
        if (en.interactions == 0) {
            dormant.add(e.accountId());
        }
        switch (e.type()) {
            case CREATED -> {
                en.createdMs = e.timeMs();
                if (en.lastIp == null) {
                    en.lastIp = e.signupIp();
                }
            }
            default -> { }
        }
        if (e.country() != null) {
            en.country = e.country();
        }
        if (e.plan() != null) {
            en.plan = e.plan();
        }
        if (e.payment() != null) {
            en.funding = e.payment().funding();
            if (e.payment().fingerprintHash() != null) {
                en.payments = push(en.payments, e.payment().fingerprintHash(), MAX_PAYMENTS);
            }
        }
        return en;
    }

    /** Records an interaction's facts (address, key); the entry's interaction count is incremented. */
    Entry update(Interaction i) {
        Entry en = entry(i.accountId());
        if (en.interactions++ == 0) {
            dormant.remove(i.accountId());
        }
        if (i.clientIp() != null) {
            en.lastIp = i.clientIp();
        }
        if (i.apiKeyId() != null) {
            en.keys = push(en.keys, i.apiKeyId(), MAX_KEYS);
        }
        return en;
    }

    private static String[] push(String[] arr, String v, int max) {
        for (int k = 0; k < arr.length; k++) {
            if (arr[k].equals(v)) {
                if (k == arr.length - 1) {
                    return arr;
                }
                // Move to the end: most recent last.
                String[] out = new String[arr.length];
                System.arraycopy(arr, 0, out, 0, k);
                System.arraycopy(arr, k + 1, out, k, arr.length - k - 1);
                out[out.length - 1] = v;
                return out;
            }
        }
        String[] out;
        if (arr.length < max) {
            out = Arrays.copyOf(arr, arr.length + 1);
        } else {
            out = new String[max];
            System.arraycopy(arr, 1, out, 0, max - 1);
        }
        out[out.length - 1] = v;
        return out;
    }

    @Override
    public AccountInfo account(String accountId) {
        Entry en = entries.get(accountId);
        if (en == null) {
            return AccountInfo.unknown(accountId);
        }
        return new AccountInfo(accountId, en.createdMs == Long.MIN_VALUE ? null : Instant.ofEpochMilli(en.createdMs),
                en.lastIp, List.of(en.keys), List.of(en.payments), en.funding, en.country, en.plan);
    }

    /** The strong attributes seen for the account (at most {@value #MAX_ATTRIBUTES}). */
    public List<StrongAttribute> attributes(String accountId) {
        Entry en = entries.get(accountId);
        return en == null ? List.of() : List.of(en.attributes);
    }

    /** Interactions seen from the account while it was remembered. */
    public long interactions(String accountId) {
        Entry en = entries.get(accountId);
        return en == null ? 0 : en.interactions;
    }

    /** Accounts that signed up (or added a card) but sent no request yet, oldest first (a copy). */
    public List<String> dormantAccounts() {
        return new ArrayList<>(dormant);
    }

    /** Accounts remembered. */
    public int size() {
        return entries.size();
    }

    /** Ids of accounts remembered, for reports (a copy). */
    public List<String> accountIds() {
        return new ArrayList<>(entries.keySet());
    }
}
