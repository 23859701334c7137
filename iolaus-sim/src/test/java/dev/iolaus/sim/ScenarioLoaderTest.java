package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.sim.scenario.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    @Test
    void load_fileOutsideTheRepository_works() throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, Fixtures.tiny(""));
        ScenarioSpec s = ScenarioLoader.load(f.toString());
        assertThat(s.name()).isEqualTo("tiny");
        assertThat(s.campaigns()).hasSize(1);
        SimEvent first = Simulator.open(s, Fixtures.options(0.5)).next();
        assertThat(first).isNotNull();
    }

    @Test
    void load_everyBuiltInName_parses() {
        for (String name : ScenarioLoader.BUILT_IN) {
            assertThat(ScenarioLoader.load(name).name()).isEqualTo(name);
        }
    }

    @Test
    void referenceFile_documentingEveryKey_isAValidScenario() {
        ScenarioSpec s = ScenarioLoader.load("reference");
        assertThat(s.campaigns().get(0).reserves().perBlock()).isEqualTo(2);
        assertThat(Simulator.open(s, Fixtures.options(0.1)).next()).isNotNull();
    }

    @Test
    void load_unknownKey_isAClearError() {
        assertThatThrownBy(() -> Fixtures.yaml(Fixtures.tiny("    colour: blue\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void load_unknownName_listsTheBuiltIns() {
        assertThatThrownBy(() -> ScenarioLoader.load("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hydra-2026");
    }
}
