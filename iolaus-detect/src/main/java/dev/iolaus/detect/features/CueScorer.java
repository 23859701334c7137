package dev.iolaus.detect.features;

/**
 * Scores the cue families of one tokenised text by proximity: a family counts toward a tell only when it occurs
 * within a window of the other families' last occurrences, so "explain ... (300 words of payload) ... step" does not
 * add up, while "walk me through your reasoning in detail" does.
 */
public final class CueScorer {
    private static final int COT_WINDOW = 24;
    private static final int PAIR_WINDOW = 30;
    private static final int FAMILIES = Cue.values().length;

    private final int[] last = new int[FAMILIES];
    private final int[] hits = new int[FAMILIES];
    // Families matched at each token of the last scored text: the extractor reads them again (stop words, name
    // slots), and a lexicon lookup per token was a sixth of feature extraction.
    private final int[] masks = new int[Tokenizer.MAX_TOKENS];
    private int countedRequest;
    /** Strongest chain-of-thought score of any window. */
    public float cot;
    /** Safety-evading rewrite cues co-occur. */
    public boolean rewrite;
    /** Grading cues co-occur. */
    public boolean grading;
    /** Dataset-building score of the strongest window. */
    public float dataset;
    /** Bits of every family seen anywhere. */
    public int seen;

    /** Hits of a family in the last scored text. */
    public int hits(Cue c) {
        return hits[c.ordinal()];
    }

    /**
     * Cue families matched at token {@code i} of the last scored text: {@link CueLexicon#cuesAt} of that token,
     * computed once by {@link #score}.
     */
    public int maskAt(int i) {
        return masks[i];
    }

    /** Scores tokens {@code [0, n)} of the tokenizer. */
    public void score(Tokenizer t) {
        java.util.Arrays.fill(last, Integer.MIN_VALUE / 2);
        java.util.Arrays.fill(hits, 0);
        cot = 0;
        rewrite = false;
        grading = false;
        dataset = 0;
        seen = 0;
        countedRequest = Integer.MIN_VALUE / 2;
        long[] raw = t.raw;
        int prevNum = Integer.MIN_VALUE / 2;
        for (int i = 0; i < t.count; i++) {
            int mask = CueLexicon.cuesAt(raw, i);
            masks[i] = mask;
            if (t.norm[i] == Tokenizer.NUM) {
                prevNum = i;
            }
            if (mask == 0) {
                continue;
            }
            seen |= mask;
            for (int f = 0; f < FAMILIES; f++) {
                if ((mask & (1 << f)) != 0) {
                    last[f] = i;
                    hits[f]++;
                }
            }
            if ((mask & COT_MASK) != 0) {
                cot = Math.max(cot, cotWindow(i));
            }
            if ((mask & (Cue.REWRITE.bit() | Cue.SENSITIVE.bit())) != 0
                    && near(Cue.REWRITE, i, PAIR_WINDOW) && near(Cue.SENSITIVE, i, PAIR_WINDOW)) {
                rewrite = true;
            }
            if ((mask & GRADE_MASK) != 0 && near(Cue.GRADE_VERB, i, PAIR_WINDOW) && near(Cue.GRADE_OBJECT, i, PAIR_WINDOW)
                    && (near(Cue.GRADE_SCALE, i, PAIR_WINDOW) || hitsNear(Cue.GRADE_OBJECT, i) >= 2)) {
                grading = true;
            }
            if ((mask & DATA_MASK) != 0) {
                dataset = Math.max(dataset, dataWindow(i, prevNum));
            }
        }
    }

    private static final int COT_MASK = Cue.STEP.bit() | Cue.REASON.bit() | Cue.EXPLAIN.bit() | Cue.WORK.bit()
            | Cue.THINK.bit() | Cue.HYPOTHETICAL.bit() | Cue.DETAIL.bit();
    private static final int GRADE_MASK = Cue.GRADE_VERB.bit() | Cue.GRADE_OBJECT.bit() | Cue.GRADE_SCALE.bit();
    private static final int DATA_MASK = Cue.DATA_FORMAT.bit() | Cue.DATA_PURPOSE.bit() | Cue.DATA_VERB.bit()
            | Cue.DATA_UNIT.bit() | Cue.DATA_FIELD.bit();

    private float cotWindow(int i) {
        float s = 0;
        s += near(Cue.STEP, i, COT_WINDOW) ? 2f : 0;
        s += near(Cue.WORK, i, COT_WINDOW) ? 2f : 0;
        s += near(Cue.REASON, i, COT_WINDOW) ? 1f : 0;
        s += near(Cue.EXPLAIN, i, COT_WINDOW) ? 1f : 0;
        s += near(Cue.THINK, i, COT_WINDOW) ? 1f : 0;
        s += near(Cue.HYPOTHETICAL, i, COT_WINDOW) ? 1f : 0;
        s += near(Cue.DETAIL, i, COT_WINDOW) ? 0.5f : 0;
        return s;
    }

    private float dataWindow(int i, int prevNum) {
        int w = 40;
        float s = 0;
        s += near(Cue.DATA_FORMAT, i, w) ? 1f : 0;
        s += near(Cue.DATA_PURPOSE, i, w) ? 1.5f : 0;
        if (near(Cue.DATA_FORMAT, i, w) && near(Cue.DATA_FIELD, i, w)) {
            // A structured output with named parts ("JSON with fields reasoning and answer"): a record per call.
            s += hits[Cue.DATA_FIELD.ordinal()] >= 2 ? 1.5f : 0.5f;
        }
        boolean unit = near(Cue.DATA_UNIT, i, w);
        // "generate 20 examples": a verb, a number and a unit close together; remembered for the window.
        if (unit && near(Cue.DATA_VERB, i, 8) && i - prevNum <= 6 && i - last[Cue.DATA_UNIT.ordinal()] <= 1) {
            countedRequest = i;
        }
        if (i - countedRequest <= w) {
            s += 1.5f;
        } else if (unit) {
            s += 0.5f;
        }
        return s;
    }

    private boolean near(Cue c, int i, int window) {
        return i - last[c.ordinal()] <= window;
    }

    private int hitsNear(Cue c, int i) {
        return near(c, i, PAIR_WINDOW) ? hits[c.ordinal()] : 0;
    }
}
