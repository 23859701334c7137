package dev.iolaus.sim.text;

import java.util.SplittableRandom;

/**
 * Composes prompt text: benign variation around corpus prompts (so unrelated users rarely share a long prompt),
 * and campaign wrappers (chain-of-thought elicitation, grading, rewriting, agent preambles, output formats) with
 * a canonical phrasing per campaign and paraphrases at the campaign's rate.
 */
public final class Composer {
    private Composer() {
    }

    /** A per-account project description ("a hobby dashboard") that benign prompts mention now and then. */
    public static String project(SplittableRandom r) {
        return pick(Phrases.PROJECT_A, r) + " " + pick(Phrases.PROJECT_B, r);
    }

    /** A fixed system prompt of one enterprise application. */
    public static String appSystemPrompt(SplittableRandom r) {
        String company = pick(Phrases.COMPANY_A, r) + pick(Phrases.COMPANY_B, r);
        return "You are the assistant of " + company + ". Your job is to "
                + String.format(pick(Phrases.APP_TASK, r), company) + ". Be polite and concise, never invent facts, "
                + "and reply in the customer's language. If you do not know, say so and offer to escalate. Ref "
                + Integer.toHexString(r.nextInt(0x10000, 0xFFFFF)) + ".";
    }

    /** A casual system prompt many users send. */
    public static String casualSystem(SplittableRandom r) {
        return pick(Phrases.CASUAL_SYSTEM, r);
    }

    /** Varies a corpus prompt as a person would around it: greeting, context, closing remark. */
    public static String benign(String text, String project, SplittableRandom r) {
        boolean longText = text.length() > 80;
        boolean pre = r.nextDouble() < 0.45;
        boolean ctx = r.nextDouble() < (longText ? 0.35 : 0.15);
        boolean suf = r.nextDouble() < 0.4;
        if (longText && !pre && !ctx && !suf) {
            // Long prompts pasted verbatim by unrelated users would look like a shared template; people add context.
            if (r.nextBoolean()) {
                ctx = true;
            } else {
                suf = true;
            }
        }
        StringBuilder sb = new StringBuilder(text.length() + 96);
        if (pre) {
            sb.append(pick(Phrases.PREFIX, r));
        }
        if (ctx) {
            sb.append(String.format(pick(Phrases.CONTEXT, r), project));
        }
        if (pre || ctx) {
            sb.append('\n');
        }
        sb.append(text);
        if (suf) {
            sb.append(pick(Phrases.SUFFIX, r));
        }
        return sb.toString();
    }

    /** A follow-up turn of a conversation. */
    public static String followup(SplittableRandom r) {
        return pick(Phrases.FOLLOWUP, r);
    }

    /** A short stand-in for an earlier assistant turn (history only; the answer itself is not simulated). */
    public static String reply(String question, SplittableRandom r) {
        String q = question.length() > 90 ? question.substring(0, 90) : question;
        return pick(Phrases.REPLY, r) + "regarding \"" + q.replace('\n', ' ') + "\", the main points are covered below.";
    }

    /**
     * Wraps a corpus prompt in a campaign wrapper.
     *
     * @param family {@code plain}, {@code cot}, {@code imagine}, {@code censor}, {@code grader}, {@code agentic},
     *               {@code computer}, {@code tool}
     * @param canonical the campaign's canonical phrasing index
     * @param paraphrase true to vary phrasing, words and layout
     */
    public static String wrap(String family, String text, int canonical, boolean paraphrase, SplittableRandom r) {
        String[] leads = switch (family) {
            case "cot" -> Phrases.COT[0];
            case "imagine" -> Phrases.IMAGINE;
            case "censor" -> Phrases.CENSOR;
            case "grader" -> Phrases.GRADER;
            case "agentic" -> Phrases.AGENTIC;
            case "computer" -> Phrases.COMPUTER;
            case "plain", "tool" -> null;
            default -> throw new IllegalArgumentException("unknown wrapper family '" + family
                    + "' (expected plain, cot, imagine, censor, grader, agentic, computer or tool)");
        };
        if (leads == null) {
            return text;
        }
        String lead = paraphrase ? paraphrase(pick(leads, r), r) : leads[Math.floorMod(canonical, leads.length)];
        String body = switch (family) {
            case "grader" -> "Question: " + text + "\n\nResponse: " + reply(text, r);
            case "agentic", "computer" -> "Task: " + text;
            default -> text;
        };
        boolean after = paraphrase ? r.nextDouble() < 0.35 : family.equals("cot") && (canonical & 1) == 1;
        String filler = paraphrase ? pick(Phrases.FILLER, r) : "";
        return after ? body + "\n\n" + filler + lead : filler + lead + "\n\n" + body;
    }

    /** A dataset output-format instruction. */
    public static String format(int canonical, boolean paraphrase, SplittableRandom r) {
        return paraphrase ? pick(Phrases.FORMAT, r) : Phrases.FORMAT[Math.floorMod(canonical, Phrases.FORMAT.length)];
    }

    /** A campaign system prompt, canonical or paraphrased. */
    public static String attackSystem(int canonical, boolean paraphrase, SplittableRandom r) {
        return paraphrase ? paraphrase(pick(Phrases.ATTACK_SYSTEM, r), r)
                : Phrases.ATTACK_SYSTEM[Math.floorMod(canonical, Phrases.ATTACK_SYSTEM.length)];
    }

    /** Synonym substitution and optional sentence reordering. */
    static String paraphrase(String s, SplittableRandom r) {
        for (String[] pair : Phrases.SYNONYMS) {
            if (r.nextDouble() < 0.4 && s.contains(pair[0])) {
                s = s.replace(pair[0], pair[1]);
            }
        }
        int dot = s.indexOf(". ");
        if (dot > 0 && dot < s.length() - 3 && r.nextDouble() < 0.3) {
            s = s.substring(dot + 2) + " " + s.substring(0, dot + 1);
        }
        return s;
    }

    static String pick(String[] a, SplittableRandom r) {
        return a[r.nextInt(a.length)];
    }
}
