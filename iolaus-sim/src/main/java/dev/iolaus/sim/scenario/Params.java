package dev.iolaus.sim.scenario;

import java.util.Map;

/**
 * Sampling parameters a population sends; {@code none} as a key means "not sent".
 *
 * @param temperature temperature values and weights
 * @param maxTokens max_tokens values and weights
 * @param jitter 0 = each account keeps one value; 1 = every request draws a fresh, perturbed value
 * @param stream probability a request streams
 * @param tools probability of offering tools on non-tool prompts
 */
public record Params(Map<String, Double> temperature, Map<String, Double> maxTokens, Double jitter, Double stream,
                     Double tools) {
    /** What SDK users typically send. */
    public static final Params DEFAULT = new Params(null, null, null, null, null);

    public Params {
        temperature = temperature == null || temperature.isEmpty()
                ? Map.of("none", 0.45, "0.7", 0.2, "1", 0.1, "0", 0.1, "0.2", 0.08, "0.5", 0.07) : Map.copyOf(temperature);
        maxTokens = maxTokens == null || maxTokens.isEmpty()
                ? Map.of("none", 0.35, "1024", 0.2, "4096", 0.2, "2048", 0.1, "8192", 0.08, "512", 0.07) : Map.copyOf(maxTokens);
        jitter = Population.nz(jitter, 0.15);
        stream = Population.nz(stream, 0.4);
        tools = Population.nz(tools, 0.05);
    }
}
