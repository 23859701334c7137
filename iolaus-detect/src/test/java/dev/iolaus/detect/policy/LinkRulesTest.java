package dev.iolaus.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Link rule entries in {@code cauterize.kinds}: parsing, validation and which reason is reported. */
class LinkRulesTest {

    @Test
    void entry_isSplitOnPlus_andTrimmed() {
        assertThat(LinkRules.parse(" signup_burst +email_domain ")).containsExactly("signup_burst", "email_domain");
    }

    @Test
    void emptyOrRepeatedKind_isRejectedWithTheEntry() {
        for (String bad : List.of("signup_burst +", "a + a", "")) {
            assertThatThrownBy(() -> new CauterizeSettings(true, null, Set.of(bad), 0.5, Map.of(), 1, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void singleKindRule_isReportedBeforeACombinationItAlsoSatisfies() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_network + email_domain", "signup_burst")),
                "c1", Rules.NETWORK, Rules.DOMAIN, Rules.BURST);

        assertThat(c.check("r", List.of(Rules.NETWORK, Rules.DOMAIN, Rules.BURST), 1, 0).reason())
                .contains("by signup_burst t@100").doesNotContain("email_domain");
    }
}
