package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.call;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static dev.iolaus.detect.policy.Fixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.CauterizeSettings;
import dev.iolaus.detect.policy.DecisionSpec;
import dev.iolaus.detect.policy.Durations;
import dev.iolaus.detect.policy.Filter;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Through the engine, with a policy that links by the five-minute signup slot: when a campaign is blocked, the silent
 * accounts created in its slot are blocked before their first request, while a customer who signed up in the same
 * minutes and uses the service is left alone, and customers who use the service dilute the slot until it links nobody.
 */
class SignupBurstSweepTest {
    private static final CauterizeSettings MINUTE = new CauterizeSettings(true, null,
            Set.of(StrongAttribute.PAYMENT_FINGERPRINT, StrongAttribute.SIGNUP_MINUTE), 0.5,
            Map.of("default", 2, StrongAttribute.PAYMENT_FINGERPRINT, 1), 3.0, 1000);
    private final List<Decision> decided = new ArrayList<>();

    private Engine engine() {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign", "campaign.score >= 0.9")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.ACCOUNT, Durations.parse("30d"))), true, false, null);
        ScriptedDetector d = new ScriptedDetector().at(at(60).toEpochMilli(), campaign("c1", 0.95, "a1", "a2"));
        return new Engine(List.of(d), new Policy(List.of(p), Set.of(), 0.05, MINUTE, 10_000))
                .addListener(new EngineListener() {
                    @Override
                    public void onDecision(Decision decision) {
                        decided.add(decision);
                    }
                });
    }

    @Test
    void silentAccountsOfTheBlockedBurst_areBlockedFirst_butACustomerOfTheSameMinutesIsNot() {
        Engine e = engine();
        // Minute 0-2: the campaign's burst (one five-minute slot, scattered addresses, a card each), plus a customer.
        e.accept(created("a1", 0, "198.51.100.1", "card-a1"));
        e.accept(created("a2", 0, "203.0.113.2", "card-a2"));
        e.accept(created("r1", 1, "192.0.2.3", "card-r1"));
        e.accept(created("r2", 1, "100.64.0.4", "card-r2"));
        e.accept(created("b1", 2, "100.64.9.5", "card-b1"));
        for (int m = 10; m < 61; m += 5) {
            e.accept(call("a1", m, "198.51.100.1", "hdr", null));
            e.accept(call("a2", m, "203.0.113.2", "hdr", null));
            e.accept(call("b1", m, "100.64.9.5", "hdr", null));
        }
        e.accept(call("b1", 62, "100.64.9.5", "hdr", null));   // the block is decided here

        assertThat(decided).filteredOn(d -> d.reason().startsWith("cauterize"))
                .extracting(Decision::value).containsExactly("r1", "r2");
        assertThat(decided).filteredOn(d -> d.reason().startsWith("cauterize")).first()
                .extracting(Decision::reason).asString().contains("signup_minute t@");
        assertThat(e.decisions().any(Scope.ACCOUNT, "b1", at(62).toEpochMilli())).isNull();
        assertThat(e.enforcement(call("r1", 90, "192.0.2.3", "hdr", null))).isNotNull();
    }

    @Test
    void burstDominatedByCustomersWhoUseTheService_linksNobody() {
        Engine e = engine();
        e.accept(created("a1", 0, "198.51.100.1", "card-a1"));
        e.accept(created("a2", 0, "203.0.113.2", "card-a2"));
        e.accept(created("r1", 1, "192.0.2.3", "card-r1"));
        for (int b = 0; b < 4; b++) {
            e.accept(created("b" + b, 2, "100.64.9." + b, "card-b" + b));
        }
        for (int m = 10; m < 63; m += 5) {
            e.accept(call("a1", m, "198.51.100.1", "hdr", null));
            e.accept(call("a2", m, "203.0.113.2", "hdr", null));
            for (int b = 0; b < 4; b++) {
                e.accept(call("b" + b, m, "100.64.9." + b, "hdr", null));
            }
        }

        assertThat(decided).extracting(Decision::value).as("the campaign itself is blocked").contains("a1", "a2");
        assertThat(decided).filteredOn(d -> d.reason().startsWith("cauterize")).isEmpty();
    }
}
