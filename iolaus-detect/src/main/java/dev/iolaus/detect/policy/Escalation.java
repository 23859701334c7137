package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import java.time.Duration;
import java.util.Objects;

/**
 * How repeat offences raise a profile's actions: {@code escalate: {after: 2, within: 7d, to: block}}.
 *
 * <p>An offence is a match of any profile that produced at least one new decision for the same offender (account,
 * or campaign). A re-report of the same finding at a score that has not risen by the policy's
 * {@code min_score_rise}, while its earlier decision is still active, is not an offence. With {@code ladder: false}
 * the action jumps to {@code to} once {@code after} earlier offences fall in the window; with {@code ladder: true}
 * it climbs one step (flag, throttle, challenge, block) per {@code after} earlier offences, never past {@code to}.
 *
 * @param after earlier offences needed per step, at least 1
 * @param within window of event time in which earlier offences count
 * @param to strongest action escalation may reach
 * @param ladder climb one step at a time instead of jumping
 */
public record Escalation(int after, Duration within, Action to, boolean ladder) {
    public Escalation {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(to, "to");
        if (after < 1) {
            throw new IllegalArgumentException("escalate.after must be >= 1, was " + after);
        }
    }

    /** The action after {@code earlierOffences} offences in the window; never weaker than {@code base}. */
    public Action apply(Action base, int earlierOffences) {
        if (earlierOffences < after) {
            return base;
        }
        Action raised;
        if (ladder) {
            int steps = earlierOffences / after;
            raised = Action.values()[Math.min(base.ordinal() + steps, to.ordinal())];
        } else {
            raised = to;
        }
        return raised.ordinal() > base.ordinal() ? raised : base;
    }
}
