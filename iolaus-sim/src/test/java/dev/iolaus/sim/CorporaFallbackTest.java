package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.sim.gen.IpCatalog;
import dev.iolaus.sim.gen.SimulatedSource;
import dev.iolaus.sim.text.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaFallbackTest {
    @TempDir
    Path dir;

    @Test
    void builtInCorpus_withoutCorporaDir_simulatesAndSaysSo() {
        SimulatedSource src = SimulatedSource.open(ScenarioLoader.load("smoke"), 0.05, 1, Corpora.builtIn(),
                IpCatalog.resolve(null));
        long calls = 0;
        for (SimEvent e; (e = src.next()) != null; ) {
            calls += e instanceof SimEvent.Call ? 1 : 0;
        }
        assertThat(calls).isGreaterThan(1000);
        assertThat(src.truth().corpora()).isEqualTo("built-in");
    }

    @Test
    void corporaDir_inTheSharedFormat_isUsedAndMissingPoolsComeFromTheBuiltIn() throws Exception {
        Files.writeString(dir.resolve("mine.jsonl"), """
                {"text": "How do I bake bread at home?", "kind": "benign", "source": "t", "license": "CC0"}
                {"text": "Write a function that adds two numbers.", "kind": "distill-code", "response_chars": 120}
                """);
        Corpora c = Corpora.load(dir);
        assertThat(c.origin()).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(c.size("chat")).isEqualTo(1);
        assertThat(c.size("code")).isEqualTo(1);
        assertThat(c.size("reasoning")).isGreaterThan(0);
    }

    @Test
    void corporaDir_missing_isAClearError() {
        assertThatThrownBy(() -> Corpora.resolve(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }

    @Test
    void corporaDir_badLine_namesFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"ok\", \"kind\": \"benign\"}\n{not json\n");
        assertThatThrownBy(() -> Corpora.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl:2");
    }
}
