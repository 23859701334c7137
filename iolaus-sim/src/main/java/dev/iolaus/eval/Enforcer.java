package dev.iolaus.eval;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.EventSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The enforcement point of one evaluation run: turns flags (default policy) or enforced BLOCK decisions into blocked
 * accounts and blocked addresses, and tells the source so that blocked accounts stop and reserves activate.
 *
 * <p>Scopes: {@code account} and {@code api_key} (the key's account) block the account (an account decision on a
 * sub-account {@code account~end user} blocks only that end user's calls); {@code payment_fingerprint}
 * blocks every account that added that card, now and later; {@code campaign} blocks the members of the campaign the
 * detector reported under that id, now and as it grows; {@code ip} and {@code cidr} (IPv4) refuse calls from those
 * addresses while the decision is active. Account blocks are permanent (the source cannot unblock an account).
 */
final class Enforcer {
    private final EventSource source;
    private final BiConsumer<String, Long> onAccountBlocked;
    private final Set<String> blocked = new HashSet<>();
    private final Map<String, SortedSet<String>> accountsByCard = new HashMap<>();
    private final Map<String, String> accountByKey = new HashMap<>();
    private final Set<String> blockedCards = new HashSet<>();
    private final Map<String, SortedSet<String>> reported = new HashMap<>();
    private final Set<String> blockedCampaigns = new HashSet<>();
    private final Map<String, Decision> ipBlocks = new HashMap<>();
    private final List<Decision> cidrBlocks = new ArrayList<>();
    private static final SortedSet<String> EMPTY = Collections.emptySortedSet();

    /** An enforcer telling {@code source} about blocks and {@code onAccountBlocked(account, timeMs)} the ledger. */
    Enforcer(EventSource source, BiConsumer<String, Long> onAccountBlocked) {
        this.source = source;
        this.onAccountBlocked = onAccountBlocked;
    }

    /**
     * True when the call must be refused: its account is blocked, or the end user it names (a sub-account
     * {@code account~end user}, blocked by an account decision on that id), or its address is under an active block.
     */
    boolean refuses(Interaction i) {
        if (blocked.contains(i.accountId()) || i.endUserId() != null && blocked.contains(i.principal())) {
            return true;
        }
        if (i.apiKeyId() != null) {
            accountByKey.putIfAbsent(i.apiKeyId(), i.accountId());
        }
        if (i.clientIp() == null || (ipBlocks.isEmpty() && cidrBlocks.isEmpty())) {
            return false;
        }
        Decision d = ipBlocks.get(i.clientIp());
        if (d != null && d.activeAt(i.time())) {
            return true;
        }
        long ip = Ipv4.parse(i.clientIp());
        if (ip < 0) {
            return false;
        }
        for (Decision c : cidrBlocks) {
            if (c.activeAt(i.time()) && Ipv4.inCidr(ip, c.value())) {
                return true;
            }
        }
        return false;
    }

    /** Records cards; an account adding a blocked card is blocked at once. */
    void onAccountEvent(AccountEvent e) {
        if (e.payment() == null || e.payment().fingerprintHash() == null) {
            return;
        }
        String card = e.payment().fingerprintHash();
        accountsByCard.computeIfAbsent(card, k -> new TreeSet<>()).add(e.accountId());
        if (blockedCards.contains(card)) {
            blockAccount(e.accountId(), e.timeMs());
        }
    }

    /** A campaign reported (or updated) by the detector; members of a blocked campaign are blocked as it grows. */
    void onCampaign(Campaign c, long nowMs) {
        // Sorted: a campaign's accounts come as an immutable set whose iteration order changes from one JVM to the
        // next, and the order in which accounts are blocked decides which reserves the source activates for each,
        // so an unsorted walk made two runs of the same evaluation differ.
        SortedSet<String> members = new TreeSet<>(c.accounts());
        reported.put(c.id(), members);
        if (blockedCampaigns.contains(c.id())) {
            members.forEach(a -> blockAccount(a, nowMs));
        }
    }

    /** Applies an enforced BLOCK decision; anything else (shadow, flag, throttle, challenge) is only recorded. */
    void onDecision(Decision d, long nowMs) {
        if (d.shadow() || d.action() != Action.BLOCK) {
            return;
        }
        long t = Math.max(nowMs, d.createdAt().toEpochMilli());
        switch (d.scope()) {
            case ACCOUNT -> blockAccount(d.value(), t);
            case API_KEY -> {
                String a = accountByKey.get(d.value());
                if (a != null) {
                    blockAccount(a, t);
                }
            }
            case PAYMENT_FINGERPRINT -> {
                blockedCards.add(d.value());
                accountsByCard.getOrDefault(d.value(), EMPTY).forEach(a -> blockAccount(a, t));
            }
            case CAMPAIGN -> {
                blockedCampaigns.add(d.value());
                reported.getOrDefault(d.value(), EMPTY).forEach(a -> blockAccount(a, t));
            }
            case IP -> ipBlocks.put(d.value(), d);
            case CIDR -> cidrBlocks.add(d);
        }
    }

    /** Blocks an account from {@code timeMs} on; idempotent. */
    void blockAccount(String accountId, long timeMs) {
        if (blocked.add(accountId)) {
            source.onBlocked(accountId, timeMs);
            onAccountBlocked.accept(accountId, timeMs);
        }
    }

    /** True when the account is blocked. */
    boolean isBlocked(String accountId) {
        return blocked.contains(accountId);
    }
}
