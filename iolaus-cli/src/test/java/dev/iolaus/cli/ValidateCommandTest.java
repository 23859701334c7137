package dev.iolaus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code iolaus validate} counts lines, quarantines bad ones and signals them by exit code. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void validDecisions_validated_exitZeroWithCounts() {
        Path f = dir.resolve("d.jsonl.gz");
        try (JsonlWriter<Decision> w = JsonlWriter.open(f, EventCodecs.DECISION)) {
            for (int i = 0; i < 3; i++) {
                w.write(new Decision("d" + i, Scope.ACCOUNT, "a" + i, Action.BLOCK, null, null, null, 0.9,
                        Instant.parse("2026-04-01T00:00:00Z"), null, false));
            }
        }
        assertThat(run("validate", "--type", "decision", f.toString())).isZero();
        assertThat(out.toString()).contains("read 3, accepted 3, quarantined 0");
    }

    @Test
    void foreignLogWithBadLine_validated_exitOneAndQuarantineFile() throws Exception {
        Path f = dir.resolve("log.jsonl");
        Files.write(f, List.of("{\"u\":\"a\",\"ts\":1775044800,\"label\":\"c1\"}", "{\"u\":\"b\"}", "oops"));
        Path q = dir.resolve("bad.jsonl");
        int code = run("validate", f.toString(), "--map", "account=u,time=ts", "--label-field", "label",
                "--quarantine", q.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("read 3, accepted 1, quarantined 2, labelled 1");
        assertThat(err.toString()).contains("log.jsonl:2: missing required field 'ts'").contains("log.jsonl:3: not JSON");
        assertThat(Files.readAllLines(q)).hasSize(2);
    }

    @Test
    void unknownTypeOrMissingFile_validated_usageErrorTwo() {
        assertThat(run("validate", "--type", "nonsense", dir.toString())).isEqualTo(2);
        assertThat(run("validate", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }
}
