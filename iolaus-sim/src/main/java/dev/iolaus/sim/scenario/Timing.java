package dev.iolaus.sim.scenario;

import java.util.Map;

/**
 * When a population sends requests.
 *
 * @param mode {@code diurnal} (people awake in their time zone), {@code business} (office hours, weekdays),
 *             {@code flat} (scripts around the clock), {@code random} (a random daily profile per account)
 * @param timeZones UTC offsets in hours (as strings) and weights
 * @param sessionMean mean requests per session (geometric)
 * @param sessionGapS mean seconds between requests inside a session
 * @param minGapS minimum seconds between two requests of one account (its rate limit)
 */
public record Timing(String mode, Map<String, Double> timeZones, Double sessionMean, Double sessionGapS,
                     Double minGapS) {
    /** People in the Americas, Europe and Asia, awake in daytime. */
    public static final Timing DEFAULT = new Timing(null, null, null, null, null);

    public Timing {
        mode = mode == null ? "diurnal" : mode;
        if (!java.util.Set.of("diurnal", "business", "flat", "random").contains(mode)) {
            throw new IllegalArgumentException("timing mode '" + mode + "' (expected diurnal, business, flat or random)");
        }
        timeZones = timeZones == null || timeZones.isEmpty()
                ? Map.of("-8", 0.12, "-5", 0.22, "-3", 0.06, "0", 0.08, "1", 0.18, "2", 0.06, "5.5", 0.1, "8", 0.12, "9", 0.06)
                : Map.copyOf(timeZones);
        sessionMean = Population.nz(sessionMean, 4);
        sessionGapS = Population.nz(sessionGapS, 90);
        minGapS = Population.nz(minGapS, 1);
    }
}
