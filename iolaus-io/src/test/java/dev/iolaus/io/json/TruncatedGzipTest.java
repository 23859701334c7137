package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.model.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gzip file cut short: the lines before the cut are delivered, then a clear error says what was lost. */
class TruncatedGzipTest {
    @TempDir
    Path dir;

    @Test
    void gzipCutShort_read_deliversPrefixThenThrowsWithCounts() throws Exception {
        Path full = dir.resolve("full.jsonl.gz");
        try (JsonlWriter<Interaction> w = JsonlWriter.open(full, EventCodecs.INTERACTION)) {
            for (int i = 0; i < 2000; i++) {
                w.write(Fixtures.interaction(i));
            }
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        List<Interaction> got = new ArrayList<>();
        Quarantine.Collecting q = Quarantine.collecting();
        try (JsonlReader<Interaction> r = JsonlReader.open(cut, EventCodecs.INTERACTION, q)) {
            assertThatThrownBy(() -> r.forEach(got::add))
                    .isInstanceOf(TruncatedInputException.class)
                    .hasMessageContaining("cut.jsonl.gz ends early")
                    .hasMessageContaining("kept " + got.size() + " records")
                    .satisfies(e -> assertThat(((TruncatedInputException) e).stats().accepted()).isEqualTo(got.size()));
            assertThat(r.next()).isNull();
        }
        assertThat(got).hasSizeBetween(500, 1999);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(Fixtures.interaction(i));
        }
        // The partial line at the cut, if any, is quarantined rather than dropped.
        assertThat(q.rejections()).allSatisfy(rej -> assertThat(rej.reason()).contains("truncated"));
    }
}
