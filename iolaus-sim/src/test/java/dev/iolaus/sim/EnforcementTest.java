package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.sim.gen.SimulatedSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnforcementTest {
    @Test
    void onBlocked_stopsTheAccountAndActivatesTwoReservesThatTakeOverItsWork() {
        SimulatedSource src = Fixtures.open("smoke", 0.2);
        Truth truth = src.truth();
        Truth.CampaignTruth camp = truth.campaigns().get("smoke-extract");
        Set<String> reserves = new HashSet<>(camp.reserveAccounts());
        String victim = null;
        long blockedAt = 0;
        long lastTime = Long.MIN_VALUE;
        Map<String, Long> calls = new HashMap<>();
        Set<String> reservesAfter = new HashSet<>();
        long afterBlock = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            assertThat(e.timeMs()).isGreaterThanOrEqualTo(lastTime);
            lastTime = e.timeMs();
            if (!(e instanceof SimEvent.Call c)) {
                continue;
            }
            String acct = c.interaction().accountId();
            long n = calls.merge(acct, 1L, Long::sum);
            if (victim == null && camp.accounts().contains(acct) && n == 20) {
                victim = acct;
                blockedAt = e.timeMs();
                src.onBlocked(acct, blockedAt);
            } else if (victim != null) {
                assertThat(acct).isNotEqualTo(victim);
                if (reserves.contains(acct)) {
                    reservesAfter.add(acct);
                    afterBlock++;
                }
            }
        }
        assertThat(victim).isNotNull();
        assertThat(calls.get(victim)).isEqualTo(20);
        assertThat(reservesAfter).hasSize(2);
        assertThat(src.activatedReserves()).isEqualTo(2);
        long campaignCalls = camp.accounts().stream().mapToLong(a -> calls.getOrDefault(a, 0L)).sum() + afterBlock;
        // the reserves carried exactly the blocked account's remaining plan: nothing was lost or invented
        assertThat(campaignCalls).isEqualTo(camp.plannedInteractions());
    }

    @Test
    void simulate_withoutEnforcement_sendsNoReserveTrafficButListsReserves() {
        SimulatedSource src = Fixtures.open("smoke", 0.1);
        Set<String> reserves = new HashSet<>(src.truth().campaigns().get("smoke-extract").reserveAccounts());
        assertThat(reserves).isNotEmpty();
        assertThat(reserves).allMatch(r -> src.truth().accounts().get(r).reserve());
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Call c) {
                assertThat(reserves).doesNotContain(c.interaction().accountId());
            }
        }
    }

    @Test
    void onBlocked_freshReserves_signUpAfterTheBlockThenTakeOver() {
        SimulatedSource src = Simulator.open(Fixtures.yaml(Fixtures.tiny(
                "    reserves: {per_block: 1, pool: 1.0, mode: fresh, delay_minutes: 5}\n")), Fixtures.options(0.5));
        Truth.CampaignTruth camp = src.truth().campaigns().get("camp");
        Set<String> reserves = new HashSet<>(camp.reserveAccounts());
        long blockedAt = -1;
        String replacement = null;
        long replacementCreated = -1;
        long replacementCalls = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Lifecycle l && reserves.contains(l.event().accountId())) {
                // fresh reserves do not exist before a block
                assertThat(blockedAt).isGreaterThanOrEqualTo(0);
                assertThat(l.event().timeMs()).isGreaterThanOrEqualTo(blockedAt);
                if (replacement == null) {
                    replacement = l.event().accountId();
                    replacementCreated = l.event().timeMs();
                }
            } else if (e instanceof SimEvent.Call c) {
                String acct = c.interaction().accountId();
                if (blockedAt < 0 && camp.accounts().contains(acct)) {
                    blockedAt = e.timeMs();
                    src.onBlocked(acct, blockedAt);
                } else if (acct.equals(replacement)) {
                    assertThat(e.timeMs()).isGreaterThan(replacementCreated);
                    replacementCalls++;
                }
            }
        }
        assertThat(replacement).isNotNull();
        assertThat(replacementCalls).isPositive();
    }

    @Test
    void onBlocked_dormantReservesSignedUpDuringTheCampaign_neverCallBeforeTheyExist() {
        // Reserves are created in the campaign's signup bursts up to its second day; blocking every account at its
        // first call wakes reserves before the later bursts exist: those wait for their own signup.
        SimulatedSource src = Simulator.open(Fixtures.yaml(Fixtures.tiny("", "created_to_day: 2")
                + "    reserves: {per_block: 2, pool: 2.0, mode: dormant, delay_minutes: 5}\n"), Fixtures.options(0.5));
        Set<String> reserves = new HashSet<>(src.truth().campaigns().get("camp").reserveAccounts());
        Set<String> active = new HashSet<>(src.truth().campaigns().get("camp").accounts());
        Map<String, Long> created = new HashMap<>();
        Set<String> called = new HashSet<>();
        long firstBlock = -1;
        long createdAfterFirstBlock = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            if (e instanceof SimEvent.Lifecycle l && l.event().type() == dev.iolaus.model.AccountEventType.CREATED) {
                created.put(l.event().accountId(), l.event().timeMs());
                if (firstBlock >= 0 && reserves.contains(l.event().accountId())) {
                    createdAfterFirstBlock++;
                }
            } else if (e instanceof SimEvent.Call c) {
                String acct = c.interaction().accountId();
                if (reserves.contains(acct) && called.add(acct)) {
                    assertThat(created).containsKey(acct);
                    assertThat(e.timeMs()).isGreaterThan(created.get(acct));
                }
                if (active.contains(acct) || reserves.contains(acct)) {
                    firstBlock = firstBlock < 0 ? e.timeMs() : firstBlock;
                    src.onBlocked(acct, e.timeMs());
                }
            }
        }
        assertThat(createdAfterFirstBlock).isPositive();
        assertThat(called).isNotEmpty();
    }

    @Test
    void onBlocked_unknownAccount_isIgnored() {
        SimulatedSource src = Fixtures.open("smoke", 0.05);
        src.onBlocked("acct_nobody", 0);
        assertThat(src.next()).isNotNull();
    }
}
