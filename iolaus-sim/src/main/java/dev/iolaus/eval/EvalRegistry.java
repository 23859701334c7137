package dev.iolaus.eval;

import dev.iolaus.detect.Detectors;
import dev.iolaus.detect.engine.EngineDetector;
import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.spi.DetectorRegistry;

/**
 * The detectors {@code iolaus eval} compares: the built-in registry, with {@code iolaus} run as the product runs it.
 *
 * <p>{@code iolaus} is the detector behind the engine with the policy and the cauterizer, exactly as
 * {@code iolaus analyze} and {@code iolaus serve} run it, so its numbers are what an operator would get with that
 * policy. {@code iolaus-flags} is the bare detector under the harness's default policy (every flag blocks its
 * account), which separates what detection finds from what the policy does with it.
 */
public final class EvalRegistry {
    /** Name of the bare detector, for comparison with the policy-driven one. */
    public static final String FLAGS_ONLY = "iolaus-flags";

    private EvalRegistry() {
    }

    /** The registry for a run under {@code policy}. */
    public static DetectorRegistry with(Policy policy) {
        return Detectors.registry()
                .register(IolausDetector.NAME, ctx -> new EngineDetector(new IolausDetector(ctx), policy))
                .register(FLAGS_ONLY, ctx -> new FlagsOnly(new IolausDetector(ctx)));
    }

    /** The bare detector under another name; everything else delegates. */
    private record FlagsOnly(IolausDetector inner) implements dev.iolaus.detect.spi.Detector {
        @Override
        public String name() {
            return FLAGS_ONLY;
        }

        @Override
        public void onAccountEvent(dev.iolaus.model.AccountEvent e, dev.iolaus.detect.spi.Findings out) {
            inner.onAccountEvent(e, out);
        }

        @Override
        public void onInteraction(dev.iolaus.model.Interaction i, dev.iolaus.detect.spi.Findings out) {
            inner.onInteraction(i, out);
        }

        @Override
        public void onWatermark(long nowMs, dev.iolaus.detect.spi.Findings out) {
            inner.onWatermark(nowMs, out);
        }

        @Override
        public java.util.Map<String, Double> accountScores() {
            return inner.accountScores();
        }
    }
}
