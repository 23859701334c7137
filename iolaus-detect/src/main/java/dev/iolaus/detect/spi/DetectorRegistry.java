package dev.iolaus.detect.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps configuration names to detector constructors, as Caffeine's simulator maps policy names.
 *
 * <p>Harness-only detectors (the {@code oracle}, which reads the truth) are registered by the harness on a copy.
 */
public final class DetectorRegistry {
    private final Map<String, Function<DetectorContext, Detector>> factories = new LinkedHashMap<>();

    /** Registers a constructor under a name; a later registration of the same name replaces the earlier one. */
    public DetectorRegistry register(String name, Function<DetectorContext, Detector> factory) {
        factories.put(name, factory);
        return this;
    }

    /** Creates the named detector; throws with the list of known names when the name is unknown. */
    public Detector create(String name, DetectorContext ctx) {
        Function<DetectorContext, Detector> f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return f.apply(ctx);
    }

    /** Registered names, in registration order. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** A copy, to which a harness may add its own detectors. */
    public DetectorRegistry copy() {
        DetectorRegistry r = new DetectorRegistry();
        r.factories.putAll(factories);
        return r;
    }
}
