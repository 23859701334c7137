package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Interaction;
import dev.iolaus.sim.gen.SimulatedSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reseller names its end users in every call (a few heavy users send most of them); an attacker hosted there sends
 * under its own few end-user ids and signs up a new one when one is blocked; accounts that serve nobody name no one.
 */
class EndUsersTest {
    @Test
    void resellerMix_everyResellerCall_namesAnEndUserWithAHeavyTail() {
        SimulatedSource src = Fixtures.open("reseller-mix", 0.02);
        String reseller = src.truth().campaigns().get("reseller-5pct").accounts().getFirst();
        Map<String, Integer> ownUsers = new HashMap<>();
        Map<String, Set<String>> hostedUsers = new HashMap<>();
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c) {
                Interaction i = c.interaction();
                if (!i.accountId().equals(reseller)) {
                    assertThat(i.endUserId()).isNull();
                    continue;
                }
                assertThat(i.endUserId()).startsWith("eu_");
                String label = src.labelOf(i.eventId());
                if (label.equals("reseller")) {
                    ownUsers.merge(i.endUserId(), 1, Integer::sum);
                } else {
                    hostedUsers.computeIfAbsent(label, k -> new HashSet<>()).add(i.endUserId());
                }
            }
        }
        // 5,000 end users at scale 1 → 100 here; most of them call at least once
        assertThat(ownUsers.size()).isBetween(60, 100);
        int total = ownUsers.values().stream().mapToInt(Integer::intValue).sum();
        int top = ownUsers.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(top / (double) total).isGreaterThan(0.05);
        // nobody blocks anything here, so each hosted sender keeps exactly its own ids, shared with no customer
        assertThat(hostedUsers.get("reseller-5pct")).hasSize(3);
        assertThat(hostedUsers.get("reseller-10pct")).hasSize(5);
        assertThat(hostedUsers.get("reseller-5pct")).doesNotContainAnyElementsOf(ownUsers.keySet());
    }

    @Test
    void onBlocked_hostedSendersEndUser_signsUpANewIdAfterADelayAndTheHostGoesOn() {
        SimulatedSource src = Fixtures.open("reseller-mix", 0.02);
        String reseller = src.truth().campaigns().get("reseller-5pct").accounts().getFirst();
        String blocked = null;
        Set<String> own = new HashSet<>();
        Set<String> after = new HashSet<>();
        long lastBlockedCall = -1;
        long firstNewCall = Long.MAX_VALUE;
        long resellerCallsAfter = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            if (!(e instanceof SimEvent.Call c) || !c.interaction().accountId().equals(reseller)) {
                continue;
            }
            Interaction i = c.interaction();
            boolean hosted = "reseller-5pct".equals(src.labelOf(i.eventId()));
            if (hosted && blocked == null) {
                own.add(i.endUserId());
                if (own.size() == 3) {
                    blocked = i.endUserId();
                    src.onBlocked(i.principal(), i.timeMs());
                }
            } else if (blocked != null && hosted) {
                after.add(i.endUserId());
                if (i.endUserId().equals(blocked)) {
                    lastBlockedCall = i.timeMs();
                } else if (!own.contains(i.endUserId())) {
                    firstNewCall = Math.min(firstNewCall, i.timeMs());
                }
            } else if (blocked != null) {
                resellerCallsAfter++;
            }
        }
        // the blocked id is used (and refused, by the enforcement point) only until its replacement exists
        after.remove(blocked);
        assertThat(after).hasSize(3);
        assertThat(firstNewCall).isLessThan(Long.MAX_VALUE).isGreaterThan(lastBlockedCall);
        assertThat(resellerCallsAfter).isGreaterThan(1_000);
        assertThat(src.endUsersReplaced()).isEqualTo(1);
    }
}
