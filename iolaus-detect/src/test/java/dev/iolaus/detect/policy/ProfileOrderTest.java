package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Fixtures.account;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static dev.iolaus.detect.policy.Fixtures.finding;
import static dev.iolaus.detect.policy.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileOrderTest {
    private static Subject strong() {
        return Subject.of(finding("a1", 0.95, 0, "c1"), campaign("c1", 0.95, "a1", "a2", "a3", "a4", "a5"),
                account("a1", "203.0.113.7", "fp1", "k1"));
    }

    @Test
    void firstMatchingProfileWithBreak_stopsEvaluation() {
        Policy policy = Policy.of(List.of(
                profile("block", List.of("campaign.accounts >= 5"), Action.BLOCK, Scope.ACCOUNT, "24h", true),
                profile("flag", List.of("score >= 0.5"), Action.FLAG, Scope.ACCOUNT, "24h", true)));

        List<Decision> ds = new Decider(policy, AccountLookup.NONE).decide(strong());

        assertThat(ds).extracting(Decision::action).containsExactly(Action.BLOCK);
        assertThat(ds.get(0).reason()).startsWith("block: test score 0.95, campaign c1 (5 accounts)");
        assertThat(ds.get(0).evidenceRef()).isEqualTo("campaign:c1");
    }

    @Test
    void continueProfiles_allMatchingOnesDecide_inOrder() {
        Policy policy = Policy.of(List.of(
                profile("key", List.of("score >= 0.9"), Action.THROTTLE, Scope.API_KEY, "1h", false),
                profile("skip", List.of("score < 0.5"), Action.BLOCK, Scope.ACCOUNT, "1h", true),
                profile("pay", List.of("campaign exists"), Action.BLOCK, Scope.PAYMENT_FINGERPRINT, "30d", false),
                profile("net", List.of("score >= 0.9"), Action.CHALLENGE, Scope.CIDR, "1h", true),
                profile("after-break", List.of("score >= 0"), Action.FLAG, Scope.ACCOUNT, "1h", false)));

        List<Decision> ds = new Decider(policy, AccountLookup.NONE).decide(strong());

        assertThat(ds).extracting(d -> d.scope() + "=" + d.value() + ":" + d.action())
                .containsExactly("API_KEY=k1:THROTTLE", "PAYMENT_FINGERPRINT=fp1:BLOCK", "CIDR=203.0.113.0/24:CHALLENGE");
    }

    @Test
    void noMatchingProfile_makesNoDecision() {
        Policy policy = Policy.of(List.of(
                profile("block", List.of("campaign.accounts >= 50"), Action.BLOCK, Scope.ACCOUNT, "24h", true)));

        assertThat(new Decider(policy, AccountLookup.NONE).decide(strong())).isEmpty();
    }

    @Test
    void campaignSubject_accountScope_expandsToEveryMember() {
        Policy policy = Policy.of(List.of(
                profile("camp", List.of("subject == campaign", "campaign.score >= 0.9"), Action.BLOCK, Scope.ACCOUNT,
                        "7d", true)));
        Subject s = Subject.of(campaign("c1", 0.95, "a3", "a1", "a2"), Fixtures.at(60));

        List<Decision> ds = new Decider(policy, AccountLookup.NONE).decide(s);

        assertThat(ds).extracting(Decision::value).containsExactly("a1", "a2", "a3");
        assertThat(ds).allSatisfy(d -> assertThat(d.evidenceRef()).isEqualTo("campaign:c1"));
    }

    @Test
    void repeatedFindingAtSameScore_whileActive_isNotDecidedAgain_butARisingScoreIs() {
        Policy policy = Policy.of(List.of(
                profile("flag", List.of("score >= 0.5"), Action.FLAG, Scope.ACCOUNT, "24h", true)));
        Decider decider = new Decider(policy, AccountLookup.NONE);
        AccountInfo a = account("a1", null, null, null);

        assertThat(decider.decide(Subject.of(finding("a1", 0.6, 0, null), null, a))).hasSize(1);
        assertThat(decider.decide(Subject.of(finding("a1", 0.62, 10, null), null, a))).isEmpty();
        assertThat(decider.decide(Subject.of(finding("a1", 0.7, 20, null), null, a))).hasSize(1);
    }
}
