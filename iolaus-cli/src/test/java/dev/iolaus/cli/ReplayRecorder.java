package dev.iolaus.cli;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import java.util.ArrayList;
import java.util.List;

/** Records everything a detector reports, in order, so that two replays can be compared output for output. */
final class ReplayRecorder implements Findings {
    /** Flags and campaign updates, in the order they were reported. */
    final List<Object> reported = new ArrayList<>();

    @Override
    public void flag(AccountFinding finding) {
        reported.add(finding);
    }

    @Override
    public void campaign(Campaign campaign) {
        reported.add(campaign);
    }

    long flags() {
        return reported.stream().filter(AccountFinding.class::isInstance).count();
    }
}
