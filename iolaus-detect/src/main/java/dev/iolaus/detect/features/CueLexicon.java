package dev.iolaus.detect.features;

import java.util.EnumMap;
import java.util.Map;

/**
 * The word lists of every {@link Cue} family, in English and in Spanish, French, German, Chinese, Russian and
 * Portuguese, compiled into one hash lookup of unigrams, bigrams and trigrams of tokenised text.
 *
 * <p>Phrases are tokenised with the same {@link Tokenizer} as prompts, so hyphenation, case and CJK handling agree.
 * Chinese phrases are written with spaces between characters because each CJK character is a token.
 */
public final class CueLexicon {
    private static final Map<Cue, String> WORDS = new EnumMap<>(Cue.class);

    static {
        WORDS.put(Cue.STEP, "step-by-step|step by step|stepwise|one step at a time|each step|every step|"
                + "paso a paso|paso por paso|étape par étape|etape par etape|schritt für schritt|schritt-für-schritt|"
                + "逐 步|一 步 一 步|分 步|шаг за шагом|пошагово|passo a passo");
        WORDS.put(Cue.REASON, "reasoning|reason|reasons|rationale|justify|justification|derive|derivation|logic|"
                + "logical|thought process|razonamiento|razona|raisonnement|justifie|begründung|begründe|herleitung|"
                + "推 理|理 由|рассуждение|рассуждения|обоснуй|обоснование|raciocínio|justifique|justifica");
        WORDS.put(Cue.EXPLAIN, "explain|explaining|explanation|elaborate|articulate|walk me through|walk through|"
                + "spell out|lay out|break down|break it down|unpack|clarify how|explica|explicar|explique|expliquer|"
                + "explication|erkläre|erklären|erklärung|解 释|说 明|объясни|объяснение|объясните|explicação");
        WORDS.put(Cue.WORK, "show your work|show the work|show all work|showing your work|intermediate steps|"
                + "intermediate|chain of thought|chain-of-thought|scratchpad|working out|all steps|the steps|"
                + "your steps|each stage|every stage|thinking process|muestra tu trabajo|montre ton travail|"
                + "rechenweg|过 程|ход решения|mostre seu trabalho");
        WORDS.put(Cue.THINK, "think|thinking|ponder|reflect|deliberate|piensa|pensar|réfléchis|réfléchir|denke|"
                + "nachdenken|思 考|想 一 想|подумай|думай|pense|reflita");
        WORDS.put(Cue.HYPOTHETICAL, "imagine|suppose|pretend|assume|hypothetically|already solved|correct answer|"
                + "right answer|final answer|you produced|you have produced|you've produced|you arrived|you derived|"
                + "imagina|supón|supongamos|imaginez|supposons|stell dir vor|angenommen|假 设|想 象|представь|"
                + "предположим|imagine que|suponha");
        WORDS.put(Cue.DETAIL, "detail|detailed|details|thorough|thoroughly|carefully|explicit|explicitly|in depth|"
                + "comprehensive|rigorous|rigorously|detallada|detallado|détaillée|détaillé|ausführlich|详 细|"
                + "подробно|detalhada|detalhado");
        WORDS.put(Cue.REWRITE, "rewrite|re-write|rephrase|reword|paraphrase|reformulate|restate|rewritten|"
                + "reescribe|reescribir|reformule|reformuler|umformulieren|formuliere|改 写|重 写|перефразируй|"
                + "переформулируй|reescreva|reformule");
        WORDS.put(Cue.SENSITIVE, "sensitive|politically|political|censor|censorship|censored|filter|filters|"
                + "safety|moderation|dissident|dissidents|party leaders|party leader|government|regime|authoritarian|"
                + "taboo|controversial|sanitize|sanitise|sanitized|flagged|trigger|triggering|tiananmen|"
                + "sensible|sensibles|politique|zensur|敏 感|审 查|政 治|цензура|цензуры|политически|censura");
        WORDS.put(Cue.GRADE_VERB, "rate|rating|score|scoring|grade|grading|evaluate|evaluation|judge|judging|rank|"
                + "ranking|assess|assessment|critique|compare|which is better|better|preferred|prefer|"
                + "califica|evalúa|note|évalue|bewerte|评 分|评 估|оцени|avalie");
        WORDS.put(Cue.GRADE_OBJECT, "response|responses|answer|answers|output|outputs|completion|completions|"
                + "candidate|candidates|reply|replies|assistant|respuesta|réponse|antwort|回 答|ответ|resposta");
        WORDS.put(Cue.GRADE_SCALE, "to 10|out of 10|1-10|scale|rubric|reward|preference|pairwise|likert|"
                + "score from|from 1|a score|escala|échelle|skala|分 数|шкале");
        WORDS.put(Cue.DATA_FORMAT, "json|jsonl|csv|yaml|schema|json object|json array|key-value|tags|xml|"
                + "formato json|format json|json-format|json 格 式|формате json");
        WORDS.put(Cue.DATA_PURPOSE, "training data|train|training|dataset|data set|datasets|fine-tune|fine-tuning|"
                + "finetune|finetuning|synthetic|distill|distillation|corpus|instruction tuning|sft|"
                + "entrenamiento|entraînement|trainingsdaten|训 练|数 据 集|обучения|датасет|treinamento");
        WORDS.put(Cue.DATA_VERB, "generate|produce|create|write|list|give me|provide|genera|génère|generiere|"
                + "生 成|сгенерируй|gere");
        WORDS.put(Cue.DATA_UNIT, "examples|variants|variations|samples|pairs|instances|versions|items|entries|"
                + "numbered|ejemplos|exemples|beispiele|例 子|примеров|exemplos");
        WORDS.put(Cue.DATA_FIELD, "fields|field|keys|key|reasoning|answer|final_answer|thoughts|steps|rationale|"
                + "explanation|label|labels|instruction|input-output|question-answer|q&a");
        WORDS.put(Cue.CAP_CODE, "code|coding|function|functions|python|javascript|typescript|java|c++|rust|golang|"
                + "sql|regex|bug|bugs|debug|compile|compiler|class|method|implement|implementation|algorithm|"
                + "script|program|programming|refactor|unit test|unittest|library|array|variable|loop|recursion|"
                + "recursive|def|return|import|html|css|react|docker|kubernetes|git|repository|repo|stack trace|"
                + "exception|segfault|null pointer|endpoint|backend|frontend|linked list|binary tree|pandas|numpy|"
                + "dataframe|c#|php|ruby|kotlin|swift|struct|pointer|compile error|syntax|código|fonction|funktion|"
                + "代 码|函 数|код|функция");
        WORDS.put(Cue.CAP_AGENT, "tool|tools|agent|agents|agentic|function call|function calling|call the|invoke|"
                + "browse|browser|click|navigate|terminal|execute|run the command|command line|shell|file system|"
                + "filesystem|directory|workflow|orchestrate|orchestration|subtask|subtasks|computer use|screenshot|"
                + "api call|api|apis|plan and execute|multi-step|autonomous|mcp|herramienta|outil|werkzeug|工 具|"
                + "инструмент|ferramenta");
        WORDS.put(Cue.CAP_MATH, "solve|equation|equations|calculate|compute|how many|how much|sum|integral|"
                + "derivative|probability|prove|proof|theorem|math|maths|mathematical|algebra|geometry|percent|"
                + "percentage|ratio|average|total|remainder|fraction|divisible|prime|polynomial|matrix|"
                + "resuelve|calcula|résous|calcule|berechne|löse|计 算|求 解|вычисли|реши|resolva");
        WORDS.put(Cue.CAP_CREATIVE, "story|stories|poem|poems|poetry|song|lyrics|fiction|novel|character|"
                + "characters|haiku|screenplay|creative|fantasy|rhyme|narrative|joke|jokes|limerick|sonnet|plot|"
                + "cuento|poema|histoire|poème|geschichte|gedicht|故 事|诗|рассказ|стихотворение|história");
        WORDS.put(Cue.CAP_OTHER, "translate|translation|summarize|summarise|summary|email|letter|essay|resume|"
                + "cover letter|proofread|grammar|traduce|traduis|übersetze|翻 译|переведи|traduza");
        WORDS.put(Cue.STOP, "a|an|the|and|or|but|if|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|been|"
                + "it|its|this|that|these|those|i|you|he|she|we|they|me|my|your|our|their|them|do|does|did|can|"
                + "could|would|should|will|shall|may|might|must|not|no|so|than|then|there|here|what|which|who|"
                + "how|why|when|where|all|any|some|please|into|about|up|out|just|also|very|have|has|had");
    }

    /** Flag on a unigram entry: the word is part of some multi-word phrase (only then are n-grams looked up). */
    private static final int PHRASE_WORD = 1 << 31;
    private static final LongIntMap LEXICON = build();

    private CueLexicon() {
    }

    private static LongIntMap build() {
        LongIntMap m = new LongIntMap(2048);
        Tokenizer t = new Tokenizer();
        for (Map.Entry<Cue, String> e : WORDS.entrySet()) {
            for (String phrase : e.getValue().split("\\|")) {
                int n = t.tokenize(phrase);
                if (n >= 2) {
                    for (int i = 0; i < n; i++) {
                        m.put(t.raw[i], m.get(t.raw[i], 0) | PHRASE_WORD, 0);
                    }
                }
                long key = switch (n) {
                    case 1 -> t.raw[0];
                    case 2 -> bigram(t.raw[0], t.raw[1]);
                    case 3 -> trigram(t.raw[0], t.raw[1], t.raw[2]);
                    case 4 -> trigram(t.raw[1], t.raw[2], t.raw[3]);
                    default -> 0;
                };
                if (key != 0) {
                    m.put(key, m.get(key, 0) | e.getKey().bit(), 0);
                }
            }
        }
        return m;
    }

    /** Key of two consecutive tokens. */
    static long bigram(long a, long b) {
        return Hash64.combine(a, b);
    }

    /** Key of three consecutive tokens. */
    static long trigram(long a, long b, long c) {
        return Hash64.combine(Hash64.combine(a, b), c);
    }

    /**
     * Cue families matched at token {@code i}: the unigram there and the bigram and trigram ending there.
     *
     * @param raw lower-cased token hashes
     */
    public static int cuesAt(long[] raw, int i) {
        int mask = LEXICON.get(raw[i], 0);
        if (i >= 1 && (mask & PHRASE_WORD) != 0 && (LEXICON.get(raw[i - 1], 0) & PHRASE_WORD) != 0) {
            mask |= LEXICON.get(bigram(raw[i - 1], raw[i]), 0);
            if (i >= 2) {
                mask |= LEXICON.get(trigram(raw[i - 2], raw[i - 1], raw[i]), 0);
            }
        }
        return mask & ~PHRASE_WORD;
    }
}
