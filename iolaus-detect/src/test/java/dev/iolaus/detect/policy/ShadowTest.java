package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Fixtures.account;
import static dev.iolaus.detect.policy.Fixtures.finding;
import static dev.iolaus.detect.policy.Profiles.profile;
import static dev.iolaus.detect.policy.Profiles.withShadow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShadowTest {
    private final Profile block = profile("block", List.of("score >= 0.9"), Action.BLOCK, Scope.ACCOUNT, "24h", true);
    private final Subject subject = Subject.of(finding("a1", 0.95, 0, null), null, account("a1", null, null, null));

    @Test
    void shadowProfile_recordsDecisionsNotEnforced() {
        List<Decision> ds = new Decider(Policy.of(List.of(withShadow(block))), AccountLookup.NONE).decide(subject);

        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.shadow()).isTrue();
            assertThat(d.enforced()).isFalse();
            assertThat(d.action()).isEqualTo(Action.BLOCK);
        });
    }

    @Test
    void shadowDetector_recordsDecisionsNotEnforced_otherDetectorsEnforced() {
        Policy policy = new Policy(List.of(block), Set.of("test"), 0.05, CauterizeSettings.DEFAULT, 1000);
        Policy other = new Policy(List.of(block), Set.of("iolaus"), 0.05, CauterizeSettings.DEFAULT, 1000);

        assertThat(new Decider(policy, AccountLookup.NONE).decide(subject)).singleElement()
                .extracting(Decision::shadow).isEqualTo(true);
        assertThat(new Decider(other, AccountLookup.NONE).decide(subject)).singleElement()
                .extracting(Decision::shadow).isEqualTo(false);
    }
}
