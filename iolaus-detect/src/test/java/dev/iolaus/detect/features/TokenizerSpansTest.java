package dev.iolaus.detect.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Quoted spans and code spans become single placeholder tokens only within their length limits, and a code fence
 * opened near the end of a long text's head ends the head there (the scanner reads a copy of each span).
 */
class TokenizerSpansTest {
    private final Tokenizer t = new Tokenizer();

    @Test
    void tokenize_quoteClosingWithin200Chars_isOneQuoteToken() {
        int n = t.tokenize("say \"" + "w ".repeat(20) + "\" now");

        assertThat(n).isEqualTo(3);
        assertThat(t.norm[1]).isEqualTo(Tokenizer.QUOTE);
    }

    @Test
    void tokenize_quoteClosingAfter200Chars_isReadAsWords() {
        int n = t.tokenize("say \"" + "w ".repeat(110) + "\" now");

        assertThat(n).isEqualTo(112);
        assertThat(t.norm).doesNotContain(Tokenizer.QUOTE);
    }

    @Test
    void tokenize_unclosedBacktick_isOneCodeTokenThenWords() {
        int n = t.tokenize("run `make all");

        assertThat(n).isEqualTo(4);
        assertThat(t.norm[1]).isEqualTo(Tokenizer.CODE);
        assertThat(t.codeSpans).isEqualTo(1);
    }

    @Test
    void tokenize_inlineCodeLongerThan300Chars_isNotOneSpan() {
        int n = t.tokenize("see `" + "x ".repeat(160) + "` end");

        assertThat(n).isGreaterThan(160);
    }

    @Test
    void tokenize_fenceOpenedAtTheEndOfTheHead_endsTheHeadThere() {
        String head = "word ".repeat(Tokenizer.HEAD_CHARS / 5 - 2) + "```py";
        String text = head + "x".repeat(5_000) + " tail words end";

        int n = t.tokenize(text);

        int gap = indexOf(Tokenizer.GAP, n);
        assertThat(gap).isPositive();
        assertThat(t.norm[gap - 1]).isEqualTo(Tokenizer.CODE);
        assertThat(t.raw[n - 1]).isEqualTo(Hash64.mix(hashOf("end")));
    }

    private int indexOf(long token, int n) {
        for (int i = 0; i < n; i++) {
            if (t.norm[i] == token) {
                return i;
            }
        }
        return -1;
    }

    private static long hashOf(String word) {
        long h = Hash64.FNV_BASIS;
        for (char c : word.toCharArray()) {
            h = Hash64.step(h, c);
        }
        return h;
    }
}
