package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Simulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-thread replay of {@code bench detect} reports exactly what the single-thread replay reports. */
class DetectReplayPipelineTest {
    @TempDir
    static Path dir;
    private static List<AccountEvent> lifecycle;

    @BeforeAll
    static void simulate() {
        // A file of several thousand interactions with a campaign: many batches, the last one partial.
        SimulationWriter.write(Simulator.open("smoke", new SimOptions(0.2, 7L, null, null)), dir, n -> { });
        lifecycle = new ArrayList<>();
        try (JsonlReader<AccountEvent> r = JsonlReader.open(dir.resolve(SimulationWriter.ACCOUNTS),
                EventCodecs.ACCOUNT_EVENT)) {
            r.forEach(lifecycle::add);
        }
        lifecycle.sort(Comparator.comparingLong(AccountEvent::timeMs));
    }

    @Test
    void pipelined_simulatedFile_reportsTheSameFindingsInTheSameOrder() throws InterruptedException {
        Path file = dir.resolve(SimulationWriter.INTERACTIONS);
        ReplayRecorder single = new ReplayRecorder();
        IolausDetector one = detector();
        long n1 = new DetectReplay(one, lifecycle, single).singleThread(file);
        ReplayRecorder piped = new ReplayRecorder();
        IolausDetector two = detector();
        long n2 = new DetectReplay(two, lifecycle, piped).pipelined(file);

        assertThat(n1).isGreaterThan(DetectReplay.BATCH * DetectReplay.IN_FLIGHT * 2L);
        assertThat(n2).isEqualTo(n1);
        assertThat(single.flags()).as("the comparison must cover flags").isPositive();
        assertThat(piped.reported).isEqualTo(single.reported);
        assertThat(two.accountScores()).isEqualTo(one.accountScores());
        assertThat(two.campaigns()).isEqualTo(one.campaigns());
    }

    private static IolausDetector detector() {
        return new IolausDetector(new DetectorContext(IpIntel.NONE, Map.of()));
    }
}
