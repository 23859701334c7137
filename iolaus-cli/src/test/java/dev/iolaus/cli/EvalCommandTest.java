package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
    @Test
    void eval_smokeScenario_writesTheThreeReports(@TempDir Path dir) {
        int code = Main.commandLine().execute("eval", "--scenario", "smoke", "--scale", "0.05",
                "--detectors", "null,oracle", "--report", dir.toString(), "--quiet");
        assertThat(code).isZero();
        assertThat(dir.resolve("report.json")).exists();
        assertThat(dir.resolve("report.md")).exists();
        assertThat(dir.resolve("report.html")).exists();
    }

    @Test
    void eval_bothScenarioAndEvents_isAClearUsageError(@TempDir Path dir) throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("eval", "--scenario", "smoke", "--events", Files.createTempFile(dir, "x", ".jsonl")
                .toString(), "--report", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("exactly one of --scenario or --events");
    }
}
