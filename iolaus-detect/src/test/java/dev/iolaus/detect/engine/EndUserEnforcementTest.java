package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.call;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.CauterizeSettings;
import dev.iolaus.detect.policy.DecisionSpec;
import dev.iolaus.detect.policy.Durations;
import dev.iolaus.detect.policy.Filter;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.model.Action;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A campaign whose member is an end user of a host (the sub-account {@code host~eu1}) is enforced on that end user's
 * calls only: the host's other end users and its own calls go on.
 */
class EndUserEnforcementTest {
    private static Interaction as(Interaction i, String endUser) {
        return new Interaction(i.eventId(), i.time(), i.accountId(), i.apiKeyId(), i.orgId(), i.clientIp(),
                i.userAgent(), i.client(), i.flavour(), i.model(), i.params(), i.messages(), i.conversationId(),
                i.usage(), i.latencyMs(), i.status(), i.errorType(), endUser);
    }

    @Test
    void enforcement_campaignWithAnEndUserMember_blocksThatEndUserOnly() {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.ACCOUNT, Durations.parse("1h"))), true, false, null);
        Policy policy = new Policy(List.of(p), Set.of(), 0.05, CauterizeSettings.DEFAULT, 10_000);
        ScriptedDetector d = new ScriptedDetector().at(at(2).toEpochMilli(), campaign("c1", 0.95, "a1", "host~eu1"));
        Engine e = new Engine(List.of(d), policy);
        for (int m = 0; m <= 3; m++) {
            e.accept(as(call("host", m, "198.51.100.1", "h1", null), m % 2 == 0 ? "eu1" : "eu2"));
        }

        assertThat(e.enforcement(as(call("host", 4, "198.51.100.1", "h1", null), "eu1")).action())
                .isEqualTo(Action.BLOCK);
        assertThat(e.enforcement(as(call("host", 4, "198.51.100.1", "h1", null), "eu2"))).isNull();
        assertThat(e.enforcement(call("host", 4, "198.51.100.1", "h1", null))).isNull();
        assertThat(e.enforcement(call("a1", 4, "198.51.100.2", "h2", null)).action()).isEqualTo(Action.BLOCK);
    }
}
