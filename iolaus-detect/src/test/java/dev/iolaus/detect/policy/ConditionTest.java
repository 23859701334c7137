package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Fixtures.account;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static dev.iolaus.detect.policy.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private final Subject withCampaign = Subject.of(finding("a1", 0.93, 10, "c1", "payment_cluster"),
            campaign("c1", 0.97, "a1", "a2", "a3", "a4", "a5"), account("a1", "203.0.113.7", "fp1", "k1"));
    private final Subject alone = Subject.of(finding("a9", 0.5, 10, null), null, AccountInfo.unknown("a9"));

    @Test
    void numericComparisons_onScoreAndCampaignSize_evaluate() {
        assertThat(Condition.parse("score >= 0.9").test(withCampaign)).isTrue();
        assertThat(Condition.parse("score>0.95").test(withCampaign)).isFalse();
        assertThat(Condition.parse("campaign.accounts >= 5").test(withCampaign)).isTrue();
        assertThat(Condition.parse("campaign.accounts < 5").test(withCampaign)).isFalse();
        assertThat(Condition.parse("account.age_hours >= 24").test(withCampaign)).isTrue();
    }

    @Test
    void setAndListOperators_evaluate() {
        assertThat(Condition.parse("evidence has payment_cluster").test(withCampaign)).isTrue();
        assertThat(Condition.parse("evidence lacks payment_cluster").test(withCampaign)).isFalse();
        assertThat(Condition.parse("detector in [iolaus, test]").test(withCampaign)).isTrue();
        assertThat(Condition.parse("detector not in ['test']").test(withCampaign)).isFalse();
        assertThat(Condition.parse("campaign.capabilities has coding").test(withCampaign)).isTrue();
        assertThat(Condition.parse("subject == account").test(withCampaign)).isTrue();
        assertThat(Condition.parse("account.funding == prepaid").test(withCampaign)).isTrue();
    }

    @Test
    void unknownValue_failsEveryTestButMissing() {
        assertThat(Condition.parse("campaign.accounts >= 1").test(alone)).isFalse();
        assertThat(Condition.parse("campaign.accounts < 1").test(alone)).isFalse();
        assertThat(Condition.parse("campaign exists").test(alone)).isFalse();
        assertThat(Condition.parse("campaign missing").test(alone)).isTrue();
        assertThat(Condition.parse("account.age_hours < 1").test(alone)).isFalse();
    }

    @Test
    void orAlternatives_inOneEntry_passWhenAnyPasses() {
        Filter f = Filter.parse(List.of("score >= 0.99 || evidence has payment_cluster", "campaign exists"));
        assertThat(f.test(withCampaign)).isTrue();
        assertThat(f.test(alone)).isFalse();
    }

    @Test
    void badFilters_areRejectedWithTheReason() {
        assertThatThrownBy(() -> Condition.parse("scor >= 1")).hasMessageContaining("unknown filter field 'scor'");
        assertThatThrownBy(() -> Condition.parse("detector >= 1")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Condition.parse("score >= high")).hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> Condition.parse("evidence == x")).hasMessageContaining("is a set");
        assertThatThrownBy(() -> Condition.parse("score")).hasMessageContaining("cannot parse filter");
        assertThatThrownBy(() -> Condition.parse("detector in iolaus")).hasMessageContaining("expected a list");
    }
}
