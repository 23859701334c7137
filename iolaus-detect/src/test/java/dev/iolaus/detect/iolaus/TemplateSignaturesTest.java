package dev.iolaus.detect.iolaus;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.model.Interaction;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The detector lends its template signatures to the cauterizer: one template, one shared value. */
class TemplateSignaturesTest {
    private static final String WRAPPER = "Imagine you had already produced a correct answer to the problem below. "
            + "Spell out, step by step, the reasoning that leads to it, and check every step twice.\n\n";

    private final IolausDetector detector = new IolausDetector(DetectorContext.empty());

    private Set<String> signatures(Interaction in) {
        Set<String> out = new HashSet<>();
        detector.fromInteraction(in, a -> {
            assertThat(a.kind()).isEqualTo(StrongAttribute.TEMPLATE_SIGNATURE);
            out.add(a.value());
        });
        return out;
    }

    @Test
    void twoPayloadsInOneWrapper_shareASignature_andAnUnrelatedPromptSharesNone() {
        Set<String> first = signatures(call().account("r1").prompt(WRAPPER
                + "A train leaves at 9:40 and travels 180 km at 72 km/h. When does it arrive at the station?"));
        Set<String> second = signatures(call().account("r2").prompt(WRAPPER
                + "Sara has 14 apples, gives away a third of them rounded down, then buys 9. How many now?"));
        Set<String> other = signatures(call().account("b1").prompt("What should I cook tonight with leeks and rice?"));

        assertThat(first).isNotEmpty();
        assertThat(first).containsAnyElementsOf(second);
        assertThat(other).doesNotContainAnyElementsOf(first);
    }
}
