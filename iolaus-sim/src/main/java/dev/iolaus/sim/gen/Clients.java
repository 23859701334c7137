package dev.iolaus.sim.gen;

import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Hashes;
import java.util.Map;
import java.util.SplittableRandom;

/** Real SDK and HTTP client user agents with plausible version spreads; attackers draw from the same table. */
final class Clients {
    /** The mix of clients seen on a public model API; {@code mixed} in a scenario means this. */
    static final Map<String, Double> MIXED = Map.ofEntries(Map.entry("openai-python", 0.30),
            Map.entry("openai-node", 0.14), Map.entry("anthropic-python", 0.15), Map.entry("anthropic-typescript", 0.08),
            Map.entry("langchain", 0.07), Map.entry("litellm", 0.04), Map.entry("curl", 0.05),
            Map.entry("python-requests", 0.07), Map.entry("httpx", 0.04), Map.entry("axios", 0.03),
            Map.entry("go", 0.02), Map.entry("okhttp", 0.01));

    private Clients() {
    }

    /**
     * A user agent of the family. Versions skew recent (people upgrade late, not never).
     *
     * @param family a family name, or a literal user agent when it contains '/'
     */
    static String userAgent(String family, SplittableRandom r) {
        if (family.indexOf('/') >= 0) {
            return family;
        }
        return switch (family) {
            case "openai-python" -> "OpenAI/Python 1." + recent(r, 40, 109) + "." + r.nextInt(4);
            case "openai-node" -> "OpenAI/JS 4." + recent(r, 50, 104) + "." + r.nextInt(3);
            case "anthropic-python" -> "Anthropic/Python 0." + recent(r, 30, 75) + "." + r.nextInt(2);
            case "anthropic-typescript" -> "Anthropic/JS 0." + recent(r, 20, 65) + "." + r.nextInt(3);
            case "langchain" -> "langchain-openai/0." + recent(r, 1, 3) + "." + r.nextInt(30);
            case "litellm" -> "litellm/1." + recent(r, 40, 74) + "." + r.nextInt(10);
            case "curl" -> r.nextBoolean() ? "curl/7." + recent(r, 68, 88) + ".0" : "curl/8." + recent(r, 0, 11) + "." + r.nextInt(2);
            case "python-requests" -> "python-requests/2." + recent(r, 25, 32) + "." + r.nextInt(4);
            case "httpx" -> "python-httpx/0." + recent(r, 23, 28) + "." + r.nextInt(2);
            case "axios" -> "axios/1." + recent(r, 3, 7) + "." + r.nextInt(10);
            case "go" -> r.nextDouble() < 0.8 ? "Go-http-client/1.1" : "Go-http-client/2.0";
            case "okhttp" -> "okhttp/4." + recent(r, 9, 12) + ".0";
            default -> throw new IllegalArgumentException("unknown client family '" + family + "' (expected "
                    + MIXED.keySet() + ", mixed, or a literal user agent containing '/')");
        };
    }

    /** The API shape the family speaks. */
    static ApiFlavour flavour(String family, SplittableRandom r) {
        if (family.startsWith("anthropic")) {
            return ApiFlavour.ANTHROPIC_MESSAGES;
        }
        if (family.startsWith("openai")) {
            return r.nextDouble() < 0.15 ? ApiFlavour.OPENAI_RESPONSES : ApiFlavour.OPENAI_CHAT;
        }
        return r.nextDouble() < 0.75 ? ApiFlavour.OPENAI_CHAT : ApiFlavour.ANTHROPIC_MESSAGES;
    }

    /** Hash of the header order the family's HTTP stack sends. */
    static String headerOrder(String family) {
        return Hashes.textHash("headers:" + family);
    }

    private static int recent(SplittableRandom r, int lo, int hi) {
        // max of two uniforms: linear skew toward the newest versions
        return lo + Math.max(r.nextInt(hi - lo + 1), r.nextInt(hi - lo + 1));
    }
}
