package dev.iolaus.flink;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import java.util.function.Consumer;

/**
 * {@link Findings} that turns each report into one {@link Detection}, in the order the detector made them.
 *
 * <p>Used by {@link DetectorFunction} (forwarding to Flink's collector) and by anything driving a detector
 * in-process, so both see the same sequence.
 */
public final class DetectionSink implements Findings {
    private Consumer<? super Detection> target;

    /** A sink forwarding to {@code target}. */
    public DetectionSink(Consumer<? super Detection> target) {
        this.target = target;
    }

    /** Points this sink at another consumer (Flink hands a new collector context per call). */
    void retarget(Consumer<? super Detection> next) {
        this.target = next;
    }

    @Override
    public void flag(AccountFinding finding) {
        target.accept(new Detection.Flag(finding));
    }

    @Override
    public void campaign(Campaign campaign) {
        target.accept(new Detection.CampaignUpdate(campaign));
    }

    @Override
    public void decision(Decision decision) {
        target.accept(new Detection.DecisionMade(decision));
    }
}
