package dev.iolaus.eval;

import dev.iolaus.detect.net.IpIntel;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How to run an evaluation.
 *
 * @param watermarkMs event-time interval between watermarks (default one simulated minute)
 * @param progress where progress lines go (stderr), or null for none
 * @param separability a fresh separability probe for the reference pass
 * @param ipIntel IP intelligence given to every detector
 * @param detectorOptions options per detector name, passed in its {@link dev.iolaus.detect.spi.DetectorContext}
 */
public record EvalOptions(long watermarkMs, PrintStream progress, Supplier<SeparabilityProbe> separability,
                          IpIntel ipIntel, Map<String, Map<String, Object>> detectorOptions) {
    public EvalOptions {
        if (watermarkMs <= 0) {
            throw new IllegalArgumentException("watermark interval must be > 0 ms, was " + watermarkMs);
        }
        separability = separability == null ? () -> SeparabilityProbe.NONE : separability;
        ipIntel = ipIntel == null ? IpIntel.NONE : ipIntel;
        detectorOptions = detectorOptions == null ? Map.of() : Map.copyOf(detectorOptions);
    }

    /** Watermark every simulated minute, no progress, no separability, no IP data, default options. */
    public static EvalOptions defaults() {
        return new EvalOptions(60_000, null, null, null, null);
    }
}
