package dev.iolaus.sim.text;

import java.util.List;

/**
 * One corpus prompt.
 *
 * @param text the prompt (first user turn)
 * @param system tool or role preamble that came with it, or null
 * @param turns later user turns of a multi-turn task, empty when none
 * @param responseChars length of the reference answer, 0 when unknown
 * @param pool pool name it belongs to
 */
public record PromptItem(String text, String system, List<String> turns, int responseChars, String pool) {
    public PromptItem {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }
}
