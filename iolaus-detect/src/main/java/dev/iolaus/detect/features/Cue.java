package dev.iolaus.detect.features;

/**
 * Families of cue words: a prompt is scored by which families occur near each other, not by one fixed phrase, so a
 * paraphrase that swaps "step by step" for "walk me through each stage" still scores.
 */
public enum Cue {
    /** "step by step", "paso a paso", "逐步". */
    STEP,
    /** reasoning, rationale, justify, derive. */
    REASON,
    /** explain, walk me through, spell out, articulate. */
    EXPLAIN,
    /** show your work, intermediate steps, chain of thought, scratchpad. */
    WORK,
    /** think, ponder, reflect. */
    THINK,
    /** imagine, suppose, "you produced the correct answer". */
    HYPOTHETICAL,
    /** detailed, thorough, explicitly. */
    DETAIL,
    /** rewrite, rephrase, paraphrase. */
    REWRITE,
    /** politically sensitive, censorship, safety filters, dissidents. */
    SENSITIVE,
    /** rate, score, grade, judge, which is better. */
    GRADE_VERB,
    /** the thing graded: response, answer, completion, output. */
    GRADE_OBJECT,
    /** a scale or reward: "1 to 10", rubric, reward, preferred. */
    GRADE_SCALE,
    /** JSON, JSONL, CSV, schema, fields. */
    DATA_FORMAT,
    /** training data, dataset, fine-tuning, synthetic. */
    DATA_PURPOSE,
    /** generate, produce, create (counted with a number and a unit). */
    DATA_VERB,
    /** examples, variants, samples, pairs. */
    DATA_UNIT,
    /** reasoning/answer/label field names in an output format. */
    DATA_FIELD,
    /** coding vocabulary. */
    CAP_CODE,
    /** tool use and agents. */
    CAP_AGENT,
    /** maths vocabulary. */
    CAP_MATH,
    /** creative writing. */
    CAP_CREATIVE,
    /** translation, summaries, letters. */
    CAP_OTHER,
    /** a stop word: skipped by template signatures. */
    STOP;

    /** This family's bit in a mask. */
    public int bit() {
        return 1 << ordinal();
    }
}
