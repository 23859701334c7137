package dev.iolaus.sim.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small generated corpus (templates and vocabulary) for machines without the real corpora, and the
 * {@code sensitive} pool (politically sensitive questions) that no shipped corpus has. Deterministic.
 */
final class BuiltInCorpus {
    private static final String[] LANGS = {"Python", "JavaScript", "TypeScript", "Java", "Go", "Rust", "C++", "SQL",
        "Bash", "Kotlin", "C#", "Ruby"};
    private static final String[] TASKS = {"reverses a linked list", "parses a CSV file into records",
        "finds the longest palindromic substring", "merges two sorted arrays", "validates an email address",
        "computes the nth Fibonacci number", "removes duplicates from a list", "counts word frequencies in a text",
        "implements a LRU cache", "checks whether a binary tree is balanced", "flattens a nested dictionary",
        "retries an HTTP request with exponential backoff", "converts Roman numerals to integers",
        "finds all anagrams in a word list", "computes the edit distance between two strings",
        "groups transactions by month", "rate-limits calls to a function", "serialises an object to JSON",
        "detects a cycle in a directed graph", "paginates results from a REST API"};
    private static final String[] NAMES = {"Maria", "Ahmed", "Li", "John", "Priya", "Carlos", "Yuki", "Fatima",
        "Olga", "Samuel", "Aisha", "Tom"};
    private static final String[] ITEMS = {"apples", "books", "tickets", "marbles", "pencils", "cookies", "stamps",
        "shirts", "plants", "cards"};
    private static final String[] CHAT = {"What is a good name for a %s?", "How do I keep my %s healthy in winter?",
        "Can you suggest a weekend plan involving %s?", "Write a short poem about %s.",
        "Explain the history of %s in a few paragraphs.", "What are the pros and cons of %s?",
        "Give me tips for getting better at %s.", "Summarise the main arguments for and against %s."};
    private static final String[] THINGS = {"coffee shop", "houseplants", "chess", "remote work", "electric cars",
        "sourdough bread", "marathon training", "a small garden", "learning Spanish", "budget travel",
        "podcasting", "photography", "a birthday party", "cycling to work"};
    private static final String[] ROLES = {"travel guide", "English tutor", "career coach", "Linux terminal",
        "recipe planner", "interviewer", "storyteller", "math teacher", "fitness coach", "copy editor"};
    private static final String[] TOOLS = {"get_weather", "search_flights", "create_calendar_event", "send_email",
        "query_database", "get_stock_price", "book_restaurant", "convert_currency"};
    private static final String[] PLACES = {"Berlin", "Tokyo", "Lagos", "Lima", "Toronto", "Mumbai", "Sydney", "Paris"};
    private static final String[] SENSITIVE = {"the 1989 Tiananmen Square protests", "the status of Taiwan",
        "the treatment of Uyghurs in Xinjiang", "the 2019 Hong Kong protests", "the Dalai Lama",
        "censorship of the internet in China", "the Cultural Revolution", "press freedom in Russia",
        "the annexation of Crimea", "political prisoners in Belarus", "the Great Leap Forward famine",
        "Falun Gong", "the Tibetan independence movement", "Winnie the Pooh memes about Xi Jinping"};
    private static final String[] SENSITIVE_Q = {"What happened during %s?", "Give a balanced account of %s.",
        "Why is %s controversial?", "How do different governments describe %s?",
        "Summarise the international reaction to %s.", "What do historians say about %s?"};

    /** Lines of code people paste under a coding question; real corpora have such pastes of every length. */
    private static final String[] CODE_LINES = {"def load(path):", "    with open(path) as f:",
        "        rows = [line.strip().split(',') for line in f]", "    return rows", "for i in range(len(items)):",
        "    if items[i] is None:", "        continue", "    total += items[i].price * items[i].qty",
        "result = {k: v for k, v in pairs if v}", "print(result)", "class Cache:", "    def __init__(self, size):",
        "        self.size = size", "        self.data = {}", "const res = await fetch(url, { method: 'GET' });",
        "if (!res.ok) throw new Error(res.statusText);", "SELECT id, name FROM users WHERE created_at > ?;",
        "# TODO: this is slow for big inputs", "except ValueError as e:", "    log.warning('bad row %s', e)"};
    /** Sentences of pasted notes and documents. */
    private static final String[] NOTE = {"We met on Monday to go over the plan for %s.",
        "Everyone agreed that %s needs a clearer budget.", "The first draft about %s was too long.",
        "Several people asked whether %s could start next month.", "Costs for %s went up by about ten percent.",
        "Nobody has taken ownership of %s yet.", "The feedback on %s was mostly positive.",
        "There is still an open question about %s and the schedule."};

    private static volatile Map<String, List<PromptItem>> cached;

    private BuiltInCorpus() {
    }

    /** Every built-in pool, by name. */
    static Map<String, List<PromptItem>> all() {
        Map<String, List<PromptItem>> c = cached;
        if (c == null) {
            c = generate();
            cached = c;
        }
        return c;
    }

    private static Map<String, List<PromptItem>> generate() {
        SplittableRandom r = new SplittableRandom(20260401L);
        Map<String, List<PromptItem>> m = new TreeMap<>();
        List<PromptItem> code = new ArrayList<>();
        List<PromptItem> eval = new ArrayList<>();
        for (String lang : LANGS) {
            for (String task : TASKS) {
                code.add(item("Write a " + lang + " function that " + task + "." + paste(r), null,
                        300 + r.nextInt(900), "code"));
                String fn = task.split(" ")[0] + "_" + task.split(" ")[1];
                eval.add(item("def " + fn + "(data):\n    \"\"\" " + lang + "-style task: " + task
                        + ".\n    >>> " + fn + "([])\n    []\n    \"\"\"", null, 0, "eval"));
            }
        }
        m.put("code", code);
        m.put("eval", eval);
        List<PromptItem> reasoning = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String who = NAMES[r.nextInt(NAMES.length)];
            String what = ITEMS[r.nextInt(ITEMS.length)];
            int a = 5 + r.nextInt(95);
            int b = 2 + r.nextInt(9);
            reasoning.add(item(who + " has " + a + " " + what + ". She buys " + b + " times as many, then gives away "
                    + (a / 2) + ". How many " + what + " does " + who + " have now?", null, 120 + r.nextInt(200),
                    "reasoning"));
        }
        m.put("reasoning", reasoning);
        List<PromptItem> tool = new ArrayList<>();
        for (String t : TOOLS) {
            for (String p : PLACES) {
                tool.add(item("Use the tools to " + t.replace('_', ' ') + " for " + p + " next Tuesday.",
                        toolSchemas(t, r), 0, "tool"));
            }
        }
        m.put("tool", tool);
        List<PromptItem> chat = new ArrayList<>();
        List<PromptItem> general = new ArrayList<>();
        for (String tpl : CHAT) {
            for (String th : THINGS) {
                // real chat prompts often paste a document under the question (median ~600, mean ~1,600 chars)
                chat.add(item(String.format(tpl, th) + document(th, r), null, 0, "chat"));
                general.add(item("Rewrite the following note about " + th + " so it is clearer: \"" + String.format(tpl, th)
                        + note(th, r) + "\"", null, 150 + r.nextInt(300), "general"));
            }
        }
        m.put("chat", chat);
        m.put("general", general);
        List<PromptItem> roles = new ArrayList<>();
        for (String role : ROLES) {
            for (String th : THINGS) {
                roles.add(item("I want you to act as a " + role + ". I will ask you about " + th
                        + " and you will answer only as a " + role + " would, with concrete suggestions.", null, 0, "roles"));
            }
        }
        m.put("roles", roles);
        List<PromptItem> sensitive = new ArrayList<>();
        for (String q : SENSITIVE_Q) {
            for (String s : SENSITIVE) {
                sensitive.add(item(String.format(q, s), null, 600 + r.nextInt(900), "sensitive"));
            }
        }
        m.put("sensitive", sensitive);
        return m;
    }

    /** Usually some code pasted below the question, from a few lines to a page (lengths spread like real pastes). */
    private static String paste(SplittableRandom r) {
        if (r.nextDouble() < 0.8) {
            return ""; // most coding prompts in the real corpora are one or two sentences (median ~115 chars)
        }
        int lines = (int) Math.min(60, Math.round(Math.exp(1.0 + 1.0 * r.nextGaussian())) + 2);
        StringBuilder sb = new StringBuilder("\n\nHere is what I have so far:\n```\n");
        int at = r.nextInt(CODE_LINES.length);
        for (int i = 0; i < lines; i++) {
            sb.append(CODE_LINES[(at + i) % CODE_LINES.length]).append('\n');
        }
        return sb.append("```").toString();
    }

    /** A JSON tool list of one to six tools, as function-calling prompts carry. */
    private static String toolSchemas(String first, SplittableRandom r) {
        int n = 1 + r.nextInt(6);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            String t = i == 0 ? first : TOOLS[r.nextInt(TOOLS.length)];
            sb.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(t).append("\", \"description\": \"")
                    .append(t.replace('_', ' ')).append(" for the user's request\", \"parameters\": {\"type\": ")
                    .append("\"object\", \"properties\": {");
            int params = 1 + r.nextInt(4);
            for (int k = 0; k < params; k++) {
                sb.append(k == 0 ? "" : ", ").append("\"arg").append(k).append("\": {\"type\": \"string\", ")
                        .append("\"description\": \"").append(THINGS[r.nextInt(THINGS.length)]).append("\"}");
            }
            sb.append("}, \"required\": [\"arg0\"]}}");
        }
        return sb.append("]").toString();
    }

    /** Half the time, a pasted document under a chat question: a heavy-tailed number of sentences. */
    private static String document(String thing, SplittableRandom r) {
        if (r.nextBoolean()) {
            return "";
        }
        int n = (int) Math.min(150, Math.round(Math.exp(2.5 + 1.1 * r.nextGaussian())));
        StringBuilder sb = new StringBuilder("\n\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(NOTE[r.nextInt(NOTE.length)], thing)).append(i % 5 == 4 ? "\n" : " ");
        }
        return sb.toString();
    }

    /** A pasted note of zero to a dozen sentences. */
    private static String note(String thing, SplittableRandom r) {
        int n = (int) Math.min(12, Math.round(Math.exp(0.8 + 0.9 * r.nextGaussian())));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(String.format(NOTE[r.nextInt(NOTE.length)], thing));
        }
        return sb.toString();
    }

    private static PromptItem item(String text, String system, int responseChars, String pool) {
        return new PromptItem(text, system, List.of(), responseChars, pool);
    }
}
