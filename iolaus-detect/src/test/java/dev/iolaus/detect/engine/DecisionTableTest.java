package dev.iolaus.detect.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTableTest {
    private static final long MIN = 60_000;

    private static Decision d(String id, Scope scope, String value, Action action, long fromMin, Long toMin,
                              boolean shadow) {
        return new Decision(id, scope, value, action, "r", null, "test", 0.9, Instant.ofEpochMilli(fromMin * MIN),
                toMin == null ? null : Instant.ofEpochMilli(toMin * MIN), shadow);
    }

    @Test
    void lookup_returnsTheStrongestActiveEnforcedDecision_shadowOnlyThroughAny() {
        DecisionTable t = new DecisionTable();
        t.put(d("1", Scope.ACCOUNT, "a1", Action.THROTTLE, 0, 60L, false));
        t.put(d("2", Scope.ACCOUNT, "a1", Action.BLOCK, 0, 60L, true));
        t.put(d("3", Scope.ACCOUNT, "a1", Action.CHALLENGE, 10, 20L, false));

        assertThat(t.enforced(Scope.ACCOUNT, "a1", 5 * MIN).action()).isEqualTo(Action.THROTTLE);
        assertThat(t.enforced(Scope.ACCOUNT, "a1", 15 * MIN).action()).isEqualTo(Action.CHALLENGE);
        assertThat(t.any(Scope.ACCOUNT, "a1", 15 * MIN).action()).isEqualTo(Action.BLOCK);
        assertThat(t.enforced(Scope.ACCOUNT, "a2", 15 * MIN)).isNull();
        assertThat(t.enforced(Scope.API_KEY, "a1", 15 * MIN)).isNull();
    }

    @Test
    void expire_dropsLapsedDecisionsInEventTimeOrder_andTellsTheListener() {
        DecisionTable t = new DecisionTable();
        t.put(d("1", Scope.ACCOUNT, "a1", Action.BLOCK, 0, 30L, false));
        t.put(d("2", Scope.ACCOUNT, "a2", Action.BLOCK, 0, 10L, false));
        t.put(d("3", Scope.ACCOUNT, "a3", Action.BLOCK, 0, null, false));
        List<String> expired = new ArrayList<>();

        t.expire(20 * MIN, x -> expired.add(x.id()));
        assertThat(expired).containsExactly("2");
        t.expire(30 * MIN, x -> expired.add(x.id()));

        assertThat(expired).containsExactly("2", "1");
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.all()).extracting(Decision::id).containsExactly("3");
    }

    @Test
    void match_coversEveryScopeOfARequest_includingCidrPrefixes() {
        DecisionTable t = new DecisionTable();
        t.put(d("c", Scope.CIDR, "203.0.113.0/24", Action.CHALLENGE, 0, null, false));
        t.put(d("k", Scope.API_KEY, "k9", Action.THROTTLE, 0, null, false));
        t.put(d("p", Scope.PAYMENT_FINGERPRINT, "fp1", Action.BLOCK, 0, null, false));
        t.put(d("v6", Scope.CIDR, "2001:db8:1::/48", Action.BLOCK, 0, null, false));

        assertThat(t.match("a", null, "203.0.113.77", null, List.of(), MIN).id()).isEqualTo("c");
        assertThat(t.match("a", "k9", "198.51.100.1", null, List.of(), MIN).id()).isEqualTo("k");
        assertThat(t.match("a", "k9", "203.0.113.77", null, List.of("fp1"), MIN).id()).isEqualTo("p");
        assertThat(t.match("a", null, "2001:db8:1:ff::5", null, List.of(), MIN).id()).isEqualTo("v6");
        assertThat(t.match("a", null, "198.51.100.1", null, List.of(), MIN)).isNull();
    }
}
