package dev.iolaus.detect.policy;

import java.util.List;
import java.util.Objects;

/**
 * One ordered entry of a policy, as a CrowdSec profile: when the filter passes, make these decisions.
 *
 * @param name name shown in decision reasons
 * @param filter the conditions
 * @param decisions the decisions to make
 * @param breakOnSuccess {@code on_success: break}: stop at this profile when it matches
 * @param shadow record the decisions as shadow (not enforced)
 * @param escalation repeat-offence escalation, or null for none
 */
public record Profile(String name, Filter filter, List<DecisionSpec> decisions, boolean breakOnSuccess,
                      boolean shadow, Escalation escalation) {
    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        decisions = List.copyOf(decisions);
    }
}
