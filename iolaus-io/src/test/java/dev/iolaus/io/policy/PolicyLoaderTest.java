package dev.iolaus.io.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.model.Action;
import dev.iolaus.model.Scope;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {
    private static final Path POLICIES = Path.of("..", "policies");

    @Test
    void shippedPolicies_load() {
        Policy def = PolicyLoader.load(POLICIES.resolve("default.yaml"));
        Policy ref = PolicyLoader.load(POLICIES.resolve("reference.yaml"));

        assertThat(def.profiles()).extracting(Profile::name).startsWith("campaign-block");
        assertThat(ref.shadowDetectors()).containsExactly("rate-limit");
        assertThat(ref.profiles().get(0).decisions()).hasSize(4);
        assertThat(ref.profiles().get(0).decisions().get(3).duration()).isNull();
        assertThat(ref.profiles().get(1).escalation().ladder()).isTrue();
        assertThat(ref.profiles().get(2).shadow()).isTrue();
    }

    @Test
    void fullProfile_mapsEveryKey() {
        Policy p = PolicyLoader.parse("""
                shadow_detectors: [iolaus]
                min_score_rise: 0.1
                cauterize: {enabled: false}
                profiles:
                  - name: p1
                    filters: ["score >= 0.9", "campaign.accounts >= 5"]
                    decisions:
                      - {action: block, scope: cidr, duration: 1h30m, prefix: 16}
                    on_success: break
                    escalate: {after: 3, within: 2d, to: challenge}
                """, "t.yaml");

        Profile p1 = p.profiles().get(0);
        assertThat(p.shadowDetectors()).containsExactly("iolaus");
        assertThat(p.minScoreRise()).isEqualTo(0.1);
        assertThat(p.cauterize().enabled()).isFalse();
        assertThat(p1.breakOnSuccess()).isTrue();
        assertThat(p1.filter().clauses()).hasSize(2);
        assertThat(p1.decisions().get(0).action()).isEqualTo(Action.BLOCK);
        assertThat(p1.decisions().get(0).scope()).isEqualTo(Scope.CIDR);
        assertThat(p1.decisions().get(0).duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p1.decisions().get(0).cidrPrefix()).isEqualTo(16);
        assertThat(p1.escalation().after()).isEqualTo(3);
        assertThat(p1.escalation().to()).isEqualTo(Action.CHALLENGE);
    }

    @Test
    void mistakes_areReportedWithFileAndPath() {
        assertThatThrownBy(() -> PolicyLoader.parse("profiles:\n  - name: a\n    filter: [x]\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml: profiles[0]: unknown key 'filter'");
        assertThatThrownBy(() -> PolicyLoader.parse("""
                profiles:
                  - name: a
                    decisions: [{action: blok, scope: account, duration: 1h}]
                """, "p.yaml")).hasMessageContaining("profiles[0].decisions[0].action: unknown action 'blok'");
        assertThatThrownBy(() -> PolicyLoader.parse("""
                profiles:
                  - name: a
                    filters: [scor >= 1]
                    decisions: [{action: block, scope: account, duration: 1h}]
                """, "p.yaml")).hasMessageContaining("profiles[0].filters: unknown filter field 'scor'");
        assertThatThrownBy(() -> PolicyLoader.parse("""
                profiles:
                  - name: a
                    decisions: [{action: block, scope: account}]
                """, "p.yaml")).hasMessageContaining("profiles[0].decisions[0].duration: required");
        assertThatThrownBy(() -> PolicyLoader.parse("profiles: [\n", "p.yaml"))
                .hasMessageStartingWith("p.yaml: not valid YAML");
        assertThatThrownBy(() -> PolicyLoader.parse("""
                profiles:
                  - name: a
                    decisions: [{action: block, scope: account, duration: 1h}]
                    on_success: stop
                """, "p.yaml")).hasMessageContaining("expected break or continue");
    }
}
