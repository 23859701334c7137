package dev.iolaus.detect.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A decision policy: ordered {@link Profile}s mapping findings to decisions, shadow detectors, and cauterization.
 *
 * <p>Immutable; the state that escalation and de-duplication need lives in a {@link Decider}.
 *
 * @param profiles profiles in evaluation order
 * @param shadowDetectors detectors whose decisions are recorded with {@code shadow = true} and never enforced
 * @param minScoreRise a repeated finding makes a new decision only when its score rose by at least this much, or
 *     its earlier decision expired
 * @param cauterize cauterization settings
 * @param maxTracked most offenders and decision keys remembered for escalation and de-duplication
 */
public record Policy(List<Profile> profiles, Set<String> shadowDetectors, double minScoreRise,
                     CauterizeSettings cauterize, int maxTracked) {
    public Policy {
        profiles = List.copyOf(profiles);
        shadowDetectors = Set.copyOf(shadowDetectors);
        Objects.requireNonNull(cauterize, "cauterize");
        if (minScoreRise < 0 || minScoreRise > 1) {
            throw new IllegalArgumentException("min_score_rise must be in [0, 1], was " + minScoreRise);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("max_tracked must be >= 1");
        }
        Set<String> names = new java.util.HashSet<>();
        for (Profile p : profiles) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("duplicate profile name '" + p.name() + "'");
            }
        }
    }

    /** A policy of these profiles with default settings (no shadow detectors, 0.05 rise, default cauterization). */
    public static Policy of(List<Profile> profiles) {
        return new Policy(profiles, Set.of(), 0.05, CauterizeSettings.DEFAULT, 1_000_000);
    }
}
