package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.policy.StrongAttribute;
import java.util.function.Consumer;

/**
 * The {@code template_signature} values of a prompt for the cauterizer: its head and tail frame bands and its
 * skeleton, the values the detector links campaigns by, so that a reserve whose first prompt wears a blocked
 * campaign's template can be recognised on that request. Benign users share common frames too, so the shipped policy
 * uses them only together with a signup link (see {@code docs/policy.md}).
 */
final class TemplateSignatures {
    private TemplateSignatures() {
    }

    /** Emits the non-empty signatures of the features. */
    static void of(InteractionFeatures f, Consumer<StrongAttribute> out) {
        emit(out, 'h', f.headBand0());
        emit(out, 'h', f.headBand1());
        emit(out, 't', f.tailBand0());
        emit(out, 't', f.tailBand1());
        emit(out, 's', f.skeleton());
    }

    private static void emit(Consumer<StrongAttribute> out, char part, long value) {
        if (value != 0) {
            out.accept(new StrongAttribute(StrongAttribute.TEMPLATE_SIGNATURE, part + Long.toHexString(value)));
        }
    }
}
