package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Fixtures.account;
import static dev.iolaus.detect.policy.Fixtures.finding;
import static dev.iolaus.detect.policy.Profiles.profile;
import static dev.iolaus.detect.policy.Profiles.withEscalation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationTest {
    private static List<Action> offences(Policy policy, long... minutes) {
        Decider decider = new Decider(policy, AccountLookup.NONE);
        AccountInfo a = account("a1", null, null, null);
        List<Action> out = new ArrayList<>();
        for (long m : minutes) {
            // Each offence comes after the previous decision (10 minutes) lapsed, so none is a mere repeat.
            for (Decision d : decider.decide(Subject.of(finding("a1", 0.8, m, null), null, a))) {
                out.add(d.action());
            }
        }
        return out;
    }

    private static Profile flag() {
        return profile("flag", List.of("score >= 0.5"), Action.FLAG, Scope.ACCOUNT, "10m", true);
    }

    @Test
    void jump_afterTwoOffencesInWindow_goesStraightToBlock() {
        Policy policy = Policy.of(List.of(withEscalation(flag(), 2, "1d", Action.BLOCK, false)));

        assertThat(offences(policy, 0, 20, 40, 60))
                .containsExactly(Action.FLAG, Action.FLAG, Action.BLOCK, Action.BLOCK);
    }

    @Test
    void ladder_climbsOneStepPerOffence_capped() {
        Policy policy = Policy.of(List.of(withEscalation(flag(), 1, "1d", Action.CHALLENGE, true)));

        assertThat(offences(policy, 0, 20, 40, 60))
                .containsExactly(Action.FLAG, Action.THROTTLE, Action.CHALLENGE, Action.CHALLENGE);
    }

    @Test
    void offencesOutsideTheWindow_doNotCount() {
        Policy policy = Policy.of(List.of(withEscalation(flag(), 1, "30m", Action.BLOCK, false)));

        assertThat(offences(policy, 0, 60, 120, 130)).containsExactly(Action.FLAG, Action.FLAG, Action.FLAG,
                Action.BLOCK);
    }

    @Test
    void risingScore_whileActive_isAnOffence_andEscalates() {
        Policy policy = Policy.of(List.of(withEscalation(
                profile("flag", List.of("score >= 0.5"), Action.FLAG, Scope.ACCOUNT, "1d", true),
                1, "1d", Action.BLOCK, true)));
        Decider decider = new Decider(policy, AccountLookup.NONE);
        AccountInfo a = account("a1", null, null, null);

        List<Action> got = new ArrayList<>();
        for (double score : new double[] {0.6, 0.61, 0.7, 0.8}) {
            decider.decide(Subject.of(finding("a1", score, 5, null), null, a)).forEach(d -> got.add(d.action()));
        }

        assertThat(got).containsExactly(Action.FLAG, Action.THROTTLE, Action.CHALLENGE);
    }

    @Test
    void escalatedDecision_saysWhyInItsReason() {
        Policy policy = Policy.of(List.of(withEscalation(flag(), 1, "1d", Action.BLOCK, false)));
        Decider decider = new Decider(policy, AccountLookup.NONE);
        AccountInfo a = account("a1", null, null, null);
        decider.decide(Subject.of(finding("a1", 0.8, 0, null), null, a));

        Decision d = decider.decide(Subject.of(finding("a1", 0.8, 20, null), null, a)).get(0);

        assertThat(d.reason()).contains("escalated from flag after 1 earlier offences");
    }
}
