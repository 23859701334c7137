package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Scope;
import java.time.Duration;
import java.util.List;

/** Small builder of profiles for tests. */
final class Profiles {
    private Profiles() {
    }

    static Profile profile(String name, List<String> filters, Action action, Scope scope, String ttl, boolean brk) {
        return new Profile(name, Filter.parse(filters), List.of(DecisionSpec.of(action, scope, Durations.parse(ttl))),
                brk, false, null);
    }

    static Profile withShadow(Profile p) {
        return new Profile(p.name(), p.filter(), p.decisions(), p.breakOnSuccess(), true, p.escalation());
    }

    static Profile withEscalation(Profile p, int after, String within, Action to, boolean ladder) {
        return new Profile(p.name(), p.filter(), p.decisions(), p.breakOnSuccess(), p.shadow(),
                new Escalation(after, Duration.ofMillis(Durations.parse(within).toMillis()), to, ladder));
    }
}
