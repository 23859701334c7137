package dev.iolaus.server.live;

import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.DetectorRegistry;
import dev.iolaus.gateway.bench.BenchEngine;
import dev.iolaus.gateway.enforce.Enforcement;
import dev.iolaus.io.policy.PolicyLoader;
import dev.iolaus.model.Interaction;
import dev.iolaus.server.analyze.Analyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine {@code iolaus bench gateway --engine} runs: the live engine with the configured detectors and the
 * shipped default policy with every detector in shadow mode, so the engine does all its work (features, state,
 * graph, decisions) while the bench's single account is never refused (a refused call would void the run).
 */
public final class BenchEngines {
    private BenchEngines() {
    }

    /** A bench engine running {@code detectors} (empty: the default one) under the shadowed default policy. */
    public static BenchEngine shadowed(DetectorRegistry registry, List<String> detectors, Consumer<String> notes) {
        List<String> names = Analyzer.resolveDetectors(registry, detectors, notes);
        String yaml;
        try (InputStream in = BenchEngines.class.getResourceAsStream("/policies/default.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default policy missing from the jar");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String shadowed = yaml.replaceFirst("(?m)^shadow_detectors:.*$",
                "shadow_detectors: [" + String.join(", ", names) + "]");
        if (shadowed.equals(yaml)) {
            throw new IllegalStateException("default policy has no shadow_detectors line to fill");
        }
        LiveEngine live = LiveEngine.create(registry, names, PolicyLoader.parse(shadowed, "default.yaml (all shadow)"),
                DetectorContext.empty(), 65_536);
        String what = "detectors " + String.join(", ", names) + ", default policy in shadow mode";
        return new BenchEngine() {
            @Override
            public Consumer<Interaction> hook() {
                return live;
            }

            @Override
            public void attach(Enforcement enforcement) {
                live.attach(enforcement, null, List.of());
            }

            @Override
            public String describe() {
                return what + " (engine thread processed " + live.engine().stats().interactions() + " interactions)";
            }

            @Override
            public void close() {
                live.close();
            }
        };
    }
}
