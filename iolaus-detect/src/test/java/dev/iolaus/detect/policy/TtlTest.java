package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Fixtures.account;
import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.finding;
import static dev.iolaus.detect.policy.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtlTest {
    @Test
    void duration_setsExpiryInEventTime_fromTheFindingTime() {
        Policy policy = Policy.of(List.of(
                profile("t", List.of("score >= 0.5"), Action.THROTTLE, Scope.ACCOUNT, "2h", true)));

        Decision d = new Decider(policy, AccountLookup.NONE)
                .decide(Subject.of(finding("a1", 0.8, 30, null), null, account("a1", null, null, null))).get(0);

        assertThat(d.createdAt()).isEqualTo(at(30));
        assertThat(d.expiresAt()).isEqualTo(at(150));
        assertThat(d.activeAt(at(149))).isTrue();
        assertThat(d.activeAt(at(150))).isFalse();
    }

    @Test
    void forever_hasNoExpiry() {
        Policy policy = Policy.of(List.of(
                profile("t", List.of("score >= 0.5"), Action.BLOCK, Scope.ACCOUNT, "forever", true)));

        Decision d = new Decider(policy, AccountLookup.NONE)
                .decide(Subject.of(finding("a1", 0.8, 30, null), null, account("a1", null, null, null))).get(0);

        assertThat(d.expiresAt()).isNull();
    }

    @Test
    void sameFindingAfterExpiry_isDecidedAgain() {
        Policy policy = Policy.of(List.of(
                profile("t", List.of("score >= 0.5"), Action.FLAG, Scope.ACCOUNT, "1h", true)));
        Decider decider = new Decider(policy, AccountLookup.NONE);
        AccountInfo a = account("a1", null, null, null);

        assertThat(decider.decide(Subject.of(finding("a1", 0.8, 0, null), null, a))).hasSize(1);
        assertThat(decider.decide(Subject.of(finding("a1", 0.8, 59, null), null, a))).isEmpty();
        assertThat(decider.decide(Subject.of(finding("a1", 0.8, 60, null), null, a))).hasSize(1);
    }
}
