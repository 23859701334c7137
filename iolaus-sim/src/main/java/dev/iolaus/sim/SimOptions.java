package dev.iolaus.sim;

import java.nio.file.Path;

/**
 * How to run a scenario.
 *
 * @param scale multiplies accounts and campaign interactions (ratios are kept); 1 = the scenario as written
 * @param seed random seed, or null for the scenario's own
 * @param corpora corpora directory, or null to resolve the default ({@code IOLAUS_CORPORA},
 *                {@code ../shared/corpora}, else built-in)
 * @param ipintel ipintel directory, or null to resolve the default ({@code iolaus.shared}/ipintel,
 *                {@code ../shared/ipintel}, else built-in ranges)
 */
public record SimOptions(double scale, Long seed, Path corpora, Path ipintel) {
    public SimOptions {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be in (0, 100], was " + scale);
        }
    }

    /** Scale 1, the scenario's seed, default corpora and ipintel. */
    public static SimOptions defaults() {
        return new SimOptions(1, null, null, null);
    }

    /** A copy with another scale. */
    public SimOptions withScale(double s) {
        return new SimOptions(s, seed, corpora, ipintel);
    }

    /** A copy with another seed. */
    public SimOptions withSeed(long s) {
        return new SimOptions(scale, s, corpora, ipintel);
    }

    /** A copy with a corpora directory. */
    public SimOptions withCorpora(Path dir) {
        return new SimOptions(scale, seed, dir, ipintel);
    }
}
