package dev.iolaus.detect;

import dev.iolaus.detect.baseline.IpReputationDetector;
import dev.iolaus.detect.baseline.NullDetector;
import dev.iolaus.detect.baseline.PerAccountContentDetector;
import dev.iolaus.detect.baseline.RateLimitDetector;
import dev.iolaus.detect.spi.DetectorRegistry;

/**
 * The default {@link DetectorRegistry}: every detector {@code iolaus eval} and the engine know by name.
 *
 * <p>The harness adds its own truth-reading {@code oracle} on a copy. New detectors register here with one line.
 */
public final class Detectors {
    private Detectors() {
    }

    /** A fresh registry holding the built-in detectors, in the order reports list them. */
    public static DetectorRegistry registry() {
        return new DetectorRegistry()
                .register(RateLimitDetector.NAME, RateLimitDetector::new)
                .register(IpReputationDetector.NAME, IpReputationDetector::new)
                .register(PerAccountContentDetector.NAME, PerAccountContentDetector::new)
                .register(NullDetector.NAME, ctx -> new NullDetector())
                .register(dev.iolaus.detect.iolaus.IolausDetector.NAME, dev.iolaus.detect.iolaus.IolausDetector::new);
    }
}
