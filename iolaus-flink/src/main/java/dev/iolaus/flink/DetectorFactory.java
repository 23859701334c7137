package dev.iolaus.flink;

import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the detector a {@link DetectorFunction} hosts; serialisable because Flink ships it to each task.
 *
 * <p>Detectors themselves are plain objects built on the task manager, never serialised: a factory that needs IP
 * intelligence loads it there (by configured path), as the CLI does.
 */
@FunctionalInterface
public interface DetectorFactory extends Serializable {

    /** A fresh detector; called once per key on the task that owns the key. */
    Detector create();

    /**
     * The built-in detector {@code name} from {@link Detectors#registry()} with {@code options} and no IP data.
     * Option values must be serialisable (numbers, strings and booleans, as parsed from YAML, are).
     */
    static DetectorFactory named(String name, Map<String, ?> options) {
        Detectors.registry().create(name, new DetectorContext(null, Map.copyOf(options))); // fail fast on the client
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(options);
        return () -> Detectors.registry().create(name, new DetectorContext(null, copy));
    }
}
