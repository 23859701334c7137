package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.detect.iolaus.IolausDetector;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.sim.SimOptions;
import dev.iolaus.sim.SimulationWriter;
import dev.iolaus.sim.Simulator;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure on the reader thread of the two-thread replay surfaces on the calling thread, and no thread is left. */
class DetectReplayFailureTest {

    @Test
    void pipelined_truncatedGzip_rethrowsAfterReplayingWhatWasRead(@TempDir Path dir) throws Exception {
        SimulationWriter.write(Simulator.open("smoke", new SimOptions(0.05, 7L, null, null)), dir, n -> { });
        byte[] whole = Files.readAllBytes(dir.resolve(SimulationWriter.INTERACTIONS));
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        IolausDetector d = new IolausDetector(new DetectorContext(IpIntel.NONE, Map.of()));

        assertThatThrownBy(() -> new DetectReplay(d, List.of(), Findings.NONE).pipelined(cut))
                .isInstanceOf(RuntimeException.class);
        assertThat(d.accounts()).as("interactions before the cut were detected").isPositive();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("iolaus-replay-reader"));
    }

    @Test
    void pipelined_missingFile_rethrowsTheReadError(@TempDir Path dir) {
        IolausDetector d = new IolausDetector(new DetectorContext(IpIntel.NONE, Map.of()));

        assertThatThrownBy(() -> new DetectReplay(d, List.of(), Findings.NONE).pipelined(dir.resolve("none.jsonl.gz")))
                .isInstanceOf(UncheckedIOException.class);
    }
}
