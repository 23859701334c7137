package dev.iolaus.sim.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scenario as its YAML file describes it: a time window, a benign population and the campaigns inside it.
 *
 * <p>Counts are at {@code --scale 1}; {@link dev.iolaus.sim.SimOptions#scale()} shrinks accounts and campaign
 * interactions together so that ratios hold. {@code scenarios/reference.yaml} documents every key.
 *
 * @param name scenario name
 * @param description one paragraph on what it models
 * @param start first instant of the simulated window (UTC)
 * @param days length of the window in days
 * @param seed default seed when the command line gives none
 * @param releases model releases during the window (campaigns and users may move to them)
 * @param benign the legitimate population
 * @param campaigns attack campaigns, possibly none
 */
public record ScenarioSpec(String name, String description, Instant start, double days, Long seed,
                           List<Release> releases, Benign benign, List<Population> campaigns) {
    public ScenarioSpec {
        Objects.requireNonNull(name, "scenario 'name' is required");
        Objects.requireNonNull(start, "scenario 'start' is required");
        if (!(days > 0)) {
            throw new IllegalArgumentException("scenario 'days' must be > 0, was " + days);
        }
        description = description == null ? "" : description;
        seed = seed == null ? 42L : seed;
        releases = releases == null ? List.of() : List.copyOf(releases);
        Objects.requireNonNull(benign, "scenario 'benign' is required");
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        for (Population c : campaigns) {
            if (c.accounts() <= 0 || c.interactions() <= 0) {
                throw new IllegalArgumentException("campaign '" + c.name() + "' needs accounts > 0 and interactions > 0");
            }
        }
    }

    /** Window end as an instant. */
    public Instant end() {
        return start.plusMillis((long) (days * 86_400_000L));
    }

    /**
     * A model released during the window.
     *
     * @param model model name
     * @param day release time in days from the window start
     */
    public record Release(String model, double day) {
        public Release {
            Objects.requireNonNull(model, "release 'model' is required");
        }
    }

    /**
     * The legitimate population.
     *
     * @param accounts benign accounts at scale 1
     * @param archetypes behaviour profiles, each with its {@code share} of the accounts
     */
    public record Benign(int accounts, List<Population> archetypes) {
        public Benign {
            archetypes = archetypes == null ? List.of() : List.copyOf(archetypes);
            if (accounts < 0) {
                throw new IllegalArgumentException("benign 'accounts' must be >= 0");
            }
            if (accounts > 0 && archetypes.isEmpty()) {
                throw new IllegalArgumentException("benign accounts need at least one archetype");
            }
        }
    }
}
