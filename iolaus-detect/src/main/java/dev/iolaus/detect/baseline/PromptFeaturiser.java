package dev.iolaus.detect.baseline;

import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;

/**
 * A small, allocation-free prompt featuriser for the baselines: hashed character trigram frequencies plus length,
 * word count, digit share and code-symbol share of the last user turn.
 *
 * <p>Deliberately simple: it stands for the "prompt features" a per-account test would use, not for Iolaus's own
 * content features. Redacted turns keep only the length feature.
 */
public final class PromptFeaturiser {
    /** Number of hashed trigram buckets. */
    public static final int NGRAM_BUCKETS = 28;
    /** Dimension of every feature vector. */
    public static final int DIM = NGRAM_BUCKETS + 4;
    /** Only the first characters are read: enough to characterise a prompt, bounded cost per call. */
    static final int MAX_CHARS = 2_000;

    private PromptFeaturiser() {
    }

    /** Writes the features of the interaction's last user turn into {@code out} (length {@link #DIM}). */
    public static void featurise(Interaction interaction, double[] out) {
        Message m = interaction.lastUserMessage();
        if (m == null) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        featurise(m.text(), m.length(), out);
    }

    /** Writes the features of a text (null when redacted) of the given length into {@code out}. */
    public static void featurise(String text, int length, double[] out) {
        java.util.Arrays.fill(out, 0);
        out[NGRAM_BUCKETS] = Math.log1p(length) / 10.0;
        if (text == null) {
            return;
        }
        int n = Math.min(text.length(), MAX_CHARS);
        int grams = 0;
        int words = 0;
        int digits = 0;
        int code = 0;
        boolean inWord = false;
        char a = ' ';
        char b = ' ';
        for (int i = 0; i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isWhitespace(c)) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
            if (c >= '0' && c <= '9') {
                digits++;
            }
            if ("{}()[];=<>_`".indexOf(c) >= 0) {
                code++;
            }
            if (i >= 2) {
                int h = (a * 961 + b * 31 + c) * 0x9E3779B1;
                out[Integer.remainderUnsigned(h >>> 7, NGRAM_BUCKETS)]++;
                grams++;
            }
            a = b;
            b = c;
        }
        if (grams > 0) {
            for (int i = 0; i < NGRAM_BUCKETS; i++) {
                out[i] /= grams;
            }
        }
        out[NGRAM_BUCKETS + 1] = Math.log1p(words) / 8.0;
        out[NGRAM_BUCKETS + 2] = n == 0 ? 0 : (double) digits / n;
        out[NGRAM_BUCKETS + 3] = n == 0 ? 0 : (double) code / n;
    }
}
