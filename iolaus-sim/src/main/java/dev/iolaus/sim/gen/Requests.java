package dev.iolaus.sim.gen;

import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import dev.iolaus.sim.scenario.Population;
import dev.iolaus.sim.text.Composer;
import dev.iolaus.sim.text.Corpora;
import dev.iolaus.sim.text.PromptItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds one request of an actor: prompt, conversation history, model, parameters, tokens and latency. */
final class Requests {
    private static final List<String> AGENT_TOOLS = List.of("bash", "read_file", "write_file", "run_tests", "search_code");
    private static final List<String> COMPUTER_TOOLS = List.of("computer", "screenshot");
    private static final String[] TOOL_RESULTS = {"exit code 1: 2 tests failed (test_parse_empty, test_unicode)",
        "exit code 0: 48 passed in 3.2s", "File contents:\n def handler(event):\n     return process(event['body'])",
        "Screenshot taken: a browser window showing a login form", "grep: 3 matches in src/utils/io.py",
        "Traceback (most recent call last): KeyError: 'id'"};

    private final Corpora corpora;
    private final Map<String, List<String>> toolNameCache = new HashMap<>();
    private final Map<String, Message> messageCache = new HashMap<>();

    Requests(Corpora corpora) {
        this.corpora = corpora;
    }

    Interaction build(Actor a, long t) {
        SplittableRandom r = a.rng;
        Group g = a.group;
        Population p = g.pop;
        a.replaceEndUsers(t);
        boolean follow = !a.newSession && !a.history.isEmpty() && r.nextDouble() < p.followup();
        String user;
        String system = null;
        List<String> tools = List.of();
        String family = "plain";
        double outChars;
        if (follow) {
            family = a.lastFamily;
            a.history.add(Texts.message(Role.ASSISTANT, Composer.reply(a.lastUser, r)));
            if (family.equals("agentic") || family.equals("computer")) {
                a.history.add(Texts.message(Role.TOOL, TOOL_RESULTS[r.nextInt(TOOL_RESULTS.length)]));
                user = r.nextBoolean() ? "continue" : "The tool returned the result above. Decide the next action.";
            } else {
                user = Composer.followup(r);
            }
            outChars = 300 + a.exp(500);
            while (a.history.size() > 6) {
                a.history.removeFirst();
            }
        } else {
            a.history.clear();
            a.conversations++;
            a.conversationId = "c-" + a.key + "-" + a.conversations;
            a.endUser = a.nextEndUser();
            PromptItem item;
            if (g.campaign && r.nextDouble() >= p.mundane()) {
                String pool = g.pools.pick(r);
                item = corpora.pick(pool, true, r);
                family = pool.equals("tool") && item.system() != null ? "tool"
                        : pool.equals("sensitive") ? "censor"
                        : g.wrappers == null ? "plain" : g.wrappers.pick(r);
                boolean para = r.nextDouble() < p.paraphrase();
                user = Composer.wrap(family, item.text(), g.canonical + a.idx % 3, para, r);
                if (r.nextDouble() < p.format()) {
                    user = user + "\n\n" + Composer.format(g.canonical, r.nextDouble() < p.paraphrase(), r);
                }
            } else if (g.campaign) {
                item = corpora.pick(g.mundanePools.pick(r), true, r);
                user = Composer.benign(item.text(), a.project, r);
            } else if (p.fixedPrompts() > 0) {
                // eval suites and CI jobs resend the same prompts verbatim
                String pool = g.pools.pick(r);
                item = corpora.fixed(pool, a.fixedBase + r.nextInt(p.fixedPrompts()));
                user = item.text();
            } else {
                item = corpora.pick(g.pools.pick(r), false, r);
                user = Composer.benign(item.text(), a.project, r);
                if (g.wrappers != null) {
                    // benign users copy the same prompting tricks ("think step by step") in their own words
                    family = g.wrappers.pick(r);
                    user = Composer.wrap(family, user, g.canonical + a.idx, r.nextDouble() < p.paraphrase(), r);
                }
                if (!item.turns().isEmpty() && r.nextDouble() < 0.5) {
                    user = user + "\n\n" + item.turns().get(r.nextInt(item.turns().size()));
                }
            }
            if (item.system() != null && (family.equals("tool") || !g.campaign && item.pool().equals("tool"))) {
                system = item.system();
                tools = toolNames(system);
            }
            outChars = item.responseChars() > 0 ? item.responseChars() * (0.6 + 0.8 * r.nextDouble())
                    : defaultChars(item.pool(), r);
            outChars *= switch (family) {
                case "cot", "imagine" -> 2.5;
                case "censor" -> 1.5;
                case "grader" -> 0.5;
                case "agentic", "computer" -> 1.3;
                default -> 1.0;
            };
            a.lastFamily = family;
        }
        if (family.equals("agentic")) {
            tools = AGENT_TOOLS;
        } else if (family.equals("computer")) {
            tools = COMPUTER_TOOLS;
        } else if (tools.isEmpty() && r.nextDouble() < p.params().tools()) {
            tools = AGENT_TOOLS.subList(0, 1 + r.nextInt(3));
        }
        if (system == null && r.nextDouble() < p.systemRate()) {
            system = switch (p.system()) {
                case "none" -> null;
                case "casual", "app", "roles" -> a.fixedSystem;
                case "campaign" -> Composer.attackSystem(g.canonical + a.idx % 2, r.nextDouble() < p.paraphrase(), r);
                default -> throw new IllegalArgumentException("unknown system style '" + p.system()
                        + "' (expected none, casual, app, roles or campaign)");
            };
        }
        a.lastUser = user;
        List<Message> msgs = new ArrayList<>(a.history.size() + 2);
        if (system != null) {
            msgs.add(cached(Role.SYSTEM, system));
        }
        msgs.addAll(a.history);
        Message u = Texts.message(Role.USER, user);
        msgs.add(u);
        a.history.add(u);
        return assemble(a, t, msgs, tools, outChars, r);
    }

    private Interaction assemble(Actor a, long t, List<Message> msgs, List<String> tools, double outChars,
                                 SplittableRandom r) {
        Group g = a.group;
        double jitter = g.pop.params().jitter();
        String temp = r.nextDouble() < jitter ? g.temperature.pick(r) : a.temperature;
        String maxTok = r.nextDouble() < jitter ? g.maxTokens.pick(r) : a.maxTokens;
        Double temperature = temp.equals("none") ? null : Double.valueOf(temp);
        Integer maxTokens = maxTok.equals("none") ? null : Integer.valueOf(maxTok);
        if (jitter >= 0.5) {
            // randomised parameters: perturb the temperature a little (max_tokens stays on common values)
            if (temperature != null) {
                temperature = Math.round(Math.max(0, temperature + (r.nextDouble() - 0.5) * 0.2) * 10) / 10.0;
            }
        }
        String model = a.mainModel;
        if (r.nextDouble() < 0.1) {
            model = g.models.pick(r);
        }
        if (t >= g.releaseMs && g.pop.adoptShare() > 0) {
            double ramp = Math.min(1.0, (t - g.releaseMs) / (g.pop.adoptHours() * 3_600_000.0));
            if (r.nextDouble() < g.pop.adoptShare() * ramp) {
                model = g.releaseModel;
            }
        }
        int inChars = 0;
        for (Message m : msgs) {
            inChars += m.length();
        }
        int input = inChars / 4 + 4 * msgs.size();
        int output = (int) Math.max(1, outChars / 4 * Math.exp(0.3 * r.nextGaussian()));
        if (maxTokens != null) {
            output = Math.min(output, maxTokens);
        }
        int reasoning = model.contains("reason") || model.contains("think") ? (int) (output * (0.3 + 0.4 * r.nextDouble())) : 0;
        long latency = 250 + (long) (input / 40.0 + output * (8 + 12 * r.nextDouble()));
        RequestParams params = new RequestParams(temperature, null, maxTokens, null, a.stream, tools,
                r.nextDouble() < 0.03 ? "json_object" : null);
        a.sent++;
        // same as SimulatedSource.eventPrefix(a.key) + a.sent, in one concatenation
        return new Interaction("i-" + a.key + "-" + a.sent, Instant.ofEpochMilli(t), a.id, a.apiKeyId, null, a.ip(),
                a.userAgent, new ClientFingerprint(a.headerHash, null), a.flavour, model, params, msgs,
                a.sendsConversationId ? a.conversationId : null, new Usage(input, output, reasoning), latency, 200, null,
                a.endUser);
    }

    private static double defaultChars(String pool, SplittableRandom r) {
        double median = switch (pool) {
            case "chat", "roles" -> 1400;
            case "code", "eval" -> 900;
            case "tool" -> 350;
            case "sensitive" -> 1600;
            default -> 1000;
        };
        return median * Math.exp(0.6 * r.nextGaussian());
    }

    private Message cached(Role role, String text) {
        Message m = messageCache.get(text);
        if (m == null) {
            m = Texts.message(role, text);
            if (messageCache.size() < 100_000) {
                messageCache.put(text, m);
            }
        }
        return m;
    }

    private List<String> toolNames(String schema) {
        return toolNameCache.computeIfAbsent(schema, s -> {
            List<String> names = new ArrayList<>();
            int i = 0;
            while ((i = s.indexOf("\"name\"", i)) >= 0 && names.size() < 8) {
                int q1 = s.indexOf('"', s.indexOf(':', i) + 1);
                int q2 = q1 < 0 ? -1 : s.indexOf('"', q1 + 1);
                if (q2 < 0) {
                    break;
                }
                String n = s.substring(q1 + 1, q2);
                if (!n.isBlank() && !names.contains(n) && !n.equals("object") && !n.equals("string")) {
                    names.add(n);
                }
                i = q2;
            }
            return List.copyOf(names);
        });
    }
}
