package dev.iolaus.detect.baseline;

import static dev.iolaus.detect.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PerAccountContentDetectorTest {
    private static final String[] WORDS = {"how", "do", "I", "cook", "rice", "what", "is", "the", "weather", "like",
        "tomorrow", "write", "a", "poem", "about", "cats", "explain", "photosynthesis", "simply", "please", "thanks",
        "book", "recommend", "travel", "Paris", "cheap", "flights", "summer", "garden", "tomatoes"};

    private static String chat(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 4 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void onInteraction_accountUnlikeAllTraffic_isFlaggedAndTypicalAccountsAreNot() {
        PerAccountContentDetector d = new PerAccountContentDetector(50, 0.01, 2000, 50);
        Calls.Collector out = new Calls.Collector();
        Random r = new Random(7);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 8000; i++) {
            d.onInteraction(call().account("u" + (i % 40)).at(t + i).prompt(chat(r)).build(), out);
        }
        assertThat(out.flags).isEmpty();
        for (int i = 0; i < 100; i++) {
            // Interleaved with ordinary traffic, as in a real stream.
            String code = "def f_" + i + "(x):\n    return [x[i] * 2 for i in range(len(x))]  # {" + i + "}";
            d.onInteraction(call().account("odd").at(t + 9000 + 20 * i).prompt(code).build(), out);
            for (int k = 1; k < 20; k++) {
                d.onInteraction(call().account("u" + (k % 40)).at(t + 9000 + 20 * i + k).prompt(chat(r)).build(), out);
            }
        }
        assertThat(out.accounts()).containsExactly("odd");
        assertThat(d.accountScores().get("odd")).isGreaterThan(0.98);
        assertThat(d.accountScores().get("u1")).isLessThan(0.99);
    }

    @Test
    void onInteraction_beforeMinGlobal_testsNothing() {
        PerAccountContentDetector d = new PerAccountContentDetector(10, 0.001, 100, 100);
        Calls.Collector out = new Calls.Collector();
        for (int i = 0; i < 100; i++) {
            d.onInteraction(call().account(i < 50 ? "a" : "b").prompt(i < 50 ? "hello" : "{{{[[[;;;]]]}}}").build(),
                    out);
        }
        assertThat(out.flags).isEmpty();
    }

    @Test
    void featurise_redactedText_keepsOnlyLength() {
        double[] x = new double[PromptFeaturiser.DIM];
        PromptFeaturiser.featurise(null, 100, x);
        assertThat(x[PromptFeaturiser.NGRAM_BUCKETS]).isGreaterThan(0);
        double rest = 0;
        for (int i = 0; i < PromptFeaturiser.NGRAM_BUCKETS; i++) {
            rest += x[i];
        }
        assertThat(rest).isZero();
    }
}
