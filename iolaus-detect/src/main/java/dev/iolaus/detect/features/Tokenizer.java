package dev.iolaus.detect.features;

/**
 * Splits a prompt into hashed tokens in one pass, with no per-token allocation, and normalises slots.
 *
 * <p>Two hashes are kept per token: {@link #raw} (the lower-cased word, for lexicon cues) and {@link #norm} (the
 * template skeleton: numbers, quoted spans, code spans and capitalised names mid-sentence become placeholders) so that
 * slot-filled prompts of one template share a skeleton. Long texts are read only at the head and the tail: the
 * instructions that frame a payload sit there, and the cost per call stays bounded. CJK characters are one token
 * each. Not thread-safe: one instance per detector thread.
 */
public final class Tokenizer {
    /** Characters read from the start of a long text. */
    public static final int HEAD_CHARS = 1_600;
    /** Characters read from the end of a long text. */
    public static final int TAIL_CHARS = 800;
    /** Maximum tokens kept. */
    public static final int MAX_TOKENS = 600;

    /** Placeholder hash of a number. */
    public static final long NUM = Hash64.of("<num>");
    /** Placeholder hash of a code span or fence. */
    public static final long CODE = Hash64.of("<code>");
    /** Placeholder hash of a quoted span. */
    public static final long QUOTE = Hash64.of("<quote>");
    /** Placeholder hash of a capitalised name mid-sentence. */
    public static final long NAME = Hash64.of("<name>");
    /** Marks the skipped middle of a long text. */
    public static final long GAP = Hash64.of("<gap>");

    /** Lower-cased token hashes (cue matching). */
    public final long[] raw = new long[MAX_TOKENS];
    /** Normalised token hashes (skeleton). */
    public final long[] norm = new long[MAX_TOKENS];
    /** Capitalised words at a sentence start: names unless a known word (decided by the caller with a lexicon). */
    public final boolean[] capitalStart = new boolean[MAX_TOKENS];
    // The span being scanned: a whole short text, or the head or the tail of a long one (see scan).
    private final char[] chars = new char[HEAD_CHARS + TAIL_CHARS + 2];
    /** Number of tokens in the last text. */
    public int count;
    /** Code fences or inline code spans seen. */
    public int codeSpans;
    /** Number tokens seen. */
    public int numbers;
    /** Maths operator characters ({@code = + * / ^ <} ...) seen outside code. */
    public int mathSymbols;
    /** Letters seen (for densities). */
    public int letters;
    /** Characters of braces, semicolons and brackets (code-like structure). */
    public int codeChars;

    // ASCII classes: 1 letter, 2 digit, 4 upper case.
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            if (c >= 'a' && c <= 'z') {
                ASCII[c] = 1;
            } else if (c >= 'A' && c <= 'Z') {
                ASCII[c] = 1 | 4;
            } else if (c >= '0' && c <= '9') {
                ASCII[c] = 2;
            }
        }
    }

    private static boolean letterOrDigit(char c) {
        return c < 128 ? ASCII[c] != 0 : Character.isLetterOrDigit(c);
    }

    private static char lower(char c) {
        return c < 128 ? ((ASCII[c] & 4) != 0 ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static boolean digit(char c) {
        return c < 128 ? ASCII[c] == 2 : Character.isDigit(c);
    }

    /** Tokenises a text; returns the number of tokens. */
    public int tokenize(String text) {
        count = 0;
        codeSpans = 0;
        numbers = 0;
        mathSymbols = 0;
        letters = 0;
        codeChars = 0;
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int len = text.length();
        if (len <= HEAD_CHARS + TAIL_CHARS) {
            scan(text, 0, len);
        } else {
            scan(text, 0, HEAD_CHARS);
            add(GAP, GAP);
            scan(text, len - TAIL_CHARS, len);
        }
        return count;
    }

    /**
     * Tokenises {@code text[from, to)}. The span (and two chars after it, for a closing code fence) is first copied
     * into a reused array: indexing a {@code char[]} is cheaper than {@code String.charAt}, which checks the string's
     * coder on every character, and this scan is the largest part of feature extraction.
     */
    private void scan(String text, int from, int to) {
        int lim = Math.min(text.length(), to + 2) - from;
        text.getChars(from, from + lim, chars, 0);
        scan(chars, to - from, lim);
    }

    private void scan(char[] s, int to, int lim) {
        int i = 0;
        boolean sentenceStart = true;
        while (i < to && count < MAX_TOKENS) {
            char c = s[i];
            if (c == '`') {
                int end = skipCode(s, i, to, lim);
                add(CODE, CODE);
                codeSpans++;
                i = end;
                sentenceStart = false;
                continue;
            }
            if ((c == '"' || c == '\u201c') && i + 1 < to) {
                // Searched only as far as a quote can close (a long text with a stray quote is not scanned to its end).
                int close = indexOf(s, c == '"' ? '"' : '\u201d', i + 1, Math.min(to, i + 200));
                if (close > i && close < to && close - i < 200 && close - i > 24) {
                    add(QUOTE, QUOTE);
                    i = close + 1;
                    sentenceStart = false;
                    continue;
                }
            }
            if (letterOrDigit(c)) {
                if (c >= 128 && isCjk(c)) {
                    long h = Hash64.mix(Hash64.step(Hash64.FNV_BASIS, c));
                    add(h, h);
                    letters++;
                    i++;
                    sentenceStart = false;
                    continue;
                }
                int start = i;
                long h = Hash64.FNV_BASIS;
                boolean digitsOnly = true;
                boolean upperFirst = c < 128 ? (ASCII[c] & 4) != 0 : Character.isUpperCase(c);
                while (i < to) {
                    char d = s[i];
                    if (letterOrDigit(d) && (d < 128 || !isCjk(d))) {
                        digitsOnly &= digit(d);
                        h = Hash64.step(h, lower(d));
                        i++;
                    } else if ((d == '.' || d == ',') && digitsOnly && i + 1 < to && digit(s[i + 1])) {
                        i++;
                    } else if ((d == '\'' || d == '-') && i + 1 < to && Character.isLetter(s[i + 1]) && !digitsOnly) {
                        h = Hash64.step(h, d);
                        i++;
                    } else {
                        break;
                    }
                }
                long rawHash = Hash64.mix(h);
                if (digitsOnly) {
                    numbers++;
                    add(rawHash, NUM);
                } else {
                    letters += i - start;
                    add(rawHash, upperFirst && !sentenceStart && i - start > 1 ? NAME : rawHash);
                    capitalStart[count - 1] = upperFirst && sentenceStart && i - start > 1;
                }
                sentenceStart = false;
                continue;
            }
            switch (c) {
                case '.', '!', '?', '\n', ':' -> sentenceStart = true;
                case '=', '+', '*', '/', '^', '<', '>', '\u00d7', '\u00f7', '\u221a', '\u2211', '\u222b' -> mathSymbols++;
                case '{', '}', ';', '[', ']', '(', ')' -> codeChars++;
                default -> {
                }
            }
            i++;
        }
    }

    /** End of the code span opened at {@code s[i]}; {@code s} is filled up to {@code lim} (at most {@code to + 2}). */
    private static int skipCode(char[] s, int i, int to, int lim) {
        // Both searches stop where a match could no longer count: a fence counts when it opens before `to` (it may
        // end up to two chars after it), an inline span when it closes within 300 chars.
        if (fence(s, i, lim)) {
            int close = i + 3;
            while (close < to && !fence(s, close, lim)) {
                close++;
            }
            return close >= to ? to : close + 3;
        }
        int close = indexOf(s, '`', i + 1, Math.min(to, i + 301));
        if (close < 0 || close >= to || close - i > 300) {
            return i + 1;
        }
        return close + 1;
    }

    private static boolean fence(char[] s, int i, int lim) {
        return i + 3 <= lim && s[i] == '`' && s[i + 1] == '`' && s[i + 2] == '`';
    }

    private static int indexOf(char[] s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private void add(long rawHash, long normHash) {
        if (count < MAX_TOKENS) {
            capitalStart[count] = false;
            raw[count] = rawHash;
            norm[count] = normHash;
            count++;
        }
    }

    /** True for Han, Hiragana, Katakana and Hangul characters, which are tokens on their own. */
    static boolean isCjk(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3040' && c <= '\u30ff') || (c >= '\uac00' && c <= '\ud7af');
    }
}
