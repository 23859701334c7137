package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void simulate_sameSeed_writesIdenticalBytes() throws Exception {
        SimulationWriter.write(Simulator.open("smoke", Fixtures.options(0.1)), dir.resolve("a"), n -> { });
        SimulationWriter.write(Simulator.open("smoke", Fixtures.options(0.1)), dir.resolve("b"), n -> { });
        for (String f : new String[] {SimulationWriter.INTERACTIONS, SimulationWriter.ACCOUNTS, SimulationWriter.TRUTH}) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertThat(a).as(f).isNotEmpty();
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(a);
        }
    }

    @Test
    void simulate_otherSeed_writesOtherTraffic() throws Exception {
        SimulationWriter.write(Simulator.open("smoke", Fixtures.options(0.05)), dir.resolve("a"), n -> { });
        SimulationWriter.write(Simulator.open("smoke", Fixtures.options(0.05).withSeed(99)), dir.resolve("b"), n -> { });
        assertThat(Files.readAllBytes(dir.resolve("b").resolve(SimulationWriter.INTERACTIONS)))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(SimulationWriter.INTERACTIONS)));
    }

    @Test
    void truth_roundTripsThroughJson() {
        Truth t = Simulator.open("smoke", Fixtures.options(0.05)).truth();
        SimulationWriter.writeTruth(t, dir.resolve("truth.json"));
        assertThat(SimulationWriter.readTruth(dir.resolve("truth.json"))).isEqualTo(t);
    }
}
