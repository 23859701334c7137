package dev.iolaus.detect.spi;

import dev.iolaus.detect.net.IpIntel;
import java.util.Map;

/**
 * What a detector may be given at construction: IP intelligence and free-form options from configuration.
 *
 * @param ipIntel IP enrichment; {@link IpIntel#NONE} when none is configured
 * @param options detector options by key (numbers, strings, booleans as parsed from YAML or the command line)
 */
public record DetectorContext(IpIntel ipIntel, Map<String, Object> options) {
    public DetectorContext {
        ipIntel = ipIntel == null ? IpIntel.NONE : ipIntel;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A context with no IP data and no options. */
    public static DetectorContext empty() {
        return new DetectorContext(IpIntel.NONE, Map.of());
    }

    /** A numeric option, or the default when absent. */
    public double number(String key, double dflt) {
        Object v = options.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a number, was '" + v + "'", e);
        }
    }
}
