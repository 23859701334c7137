package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final Path INPUT = Path.of("..", "golden", "templated-campaign", "input");

    @Test
    void analyze_writesTheReportAndStixBundle(@TempDir Path tmp) {
        int code = Main.commandLine().execute("analyze", INPUT.resolve("interactions.jsonl").toString(),
                "--accounts", INPUT.resolve("accounts.jsonl").toString(), "--detectors", "null",
                "--report", tmp.toString(), "--stix");

        assertThat(code).isZero();
        assertThat(tmp.resolve("campaigns.md")).isNotEmptyFile();
        assertThat(tmp.resolve("campaigns.html")).isNotEmptyFile();
        assertThat(tmp.resolve("campaigns.json")).isNotEmptyFile();
        assertThat(tmp.resolve("stix-bundle.json")).isNotEmptyFile();
        assertThat(Files.exists(tmp.resolve("quarantine.jsonl"))).as("removed when nothing was quarantined").isFalse();
    }

    @Test
    void analyze_missingFile_isAClearUsageError(@TempDir Path tmp) {
        int code = Main.commandLine().execute("analyze", tmp.resolve("nope.jsonl").toString(), "--report",
                tmp.toString());

        assertThat(code).isEqualTo(2);
    }
}
