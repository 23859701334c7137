package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * One decision a profile makes when its filter passes, as {@code {action: block, scope: account, duration: 24h}}.
 *
 * @param action what to do
 * @param scope what it applies to
 * @param duration time to live in event time, or null for no expiry
 * @param cidrPrefix prefix length for {@link Scope#CIDR} on IPv4 (IPv6 uses {@code cidrPrefix * 2}, so 24 gives /48)
 */
public record DecisionSpec(Action action, Scope scope, Duration duration, int cidrPrefix) {
    public DecisionSpec {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(scope, "scope");
        if (cidrPrefix < 8 || cidrPrefix > 32) {
            throw new IllegalArgumentException("prefix must be in [8, 32], was " + cidrPrefix);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    /** A decision with the default /24 prefix. */
    public static DecisionSpec of(Action action, Scope scope, Duration duration) {
        return new DecisionSpec(action, scope, duration, 24);
    }
}
