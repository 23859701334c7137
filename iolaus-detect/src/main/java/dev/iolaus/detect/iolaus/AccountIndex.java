package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.CampaignGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts the detector tracks, by dense index: each judged principal's id and state, created on first sight.
 * The graph reads states by the same index ({@link #get}).
 */
final class AccountIndex {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<AccountState> states = new ArrayList<>();

    /** The state of an account, created (and the graph's seen-once table sized for it) on first sight. */
    AccountState state(String accountId, CampaignGraph graph) {
        Integer i = index.get(accountId);
        if (i != null) {
            return states.get(i);
        }
        int idx = states.size();
        index.put(accountId, idx);
        ids.add(accountId);
        AccountState s = new AccountState(idx);
        states.add(s);
        graph.ensureSeenCapacity(idx + 1);
        return s;
    }

    /** The state of a known account, or null when never seen. */
    AccountState find(String accountId) {
        Integer i = index.get(accountId);
        return i == null ? null : states.get(i);
    }

    /** The state at a dense index. */
    AccountState get(int i) {
        return states.get(i);
    }

    /** The account id at a dense index. */
    String id(int i) {
        return ids.get(i);
    }

    /** All states, in index order (read only). */
    List<AccountState> all() {
        return states;
    }

    /** Accounts tracked. */
    int size() {
        return states.size();
    }
}
