package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event type survives a write and read through plain and gzip JSONL unchanged. */
class JsonlRoundTripTest {
    @TempDir
    Path dir;

    private <T> List<T> roundTrip(String file, JsonCodec<T> codec, List<T> values) {
        Path p = dir.resolve(file);
        try (JsonlWriter<T> w = JsonlWriter.open(p, codec)) {
            values.forEach(w::write);
            assertThat(w.written()).isEqualTo(values.size());
        }
        Quarantine.Collecting q = Quarantine.collecting();
        List<T> back = new ArrayList<>();
        try (JsonlReader<T> r = JsonlReader.open(p, codec, q)) {
            r.forEach(back::add);
            assertThat(r.stats()).isEqualTo(new ReadStats(values.size(), values.size(), 0));
        }
        assertThat(q.rejections()).isEmpty();
        return back;
    }

    @ParameterizedTest
    @ValueSource(strings = {"i.jsonl", "i.jsonl.gz"})
    void interactions_writtenAndRead_equalOriginals(String file) {
        List<Interaction> in = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            in.add(Fixtures.interaction(i));
        }
        in.add(Fixtures.minimalInteraction());
        in.add(Fixtures.failedInteraction());
        assertThat(roundTrip(file, EventCodecs.INTERACTION, in)).isEqualTo(in);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.jsonl", "a.jsonl.gz"})
    void accountEvents_writtenAndRead_equalOriginals(String file) {
        List<AccountEvent> in = List.of(Fixtures.accountEvent(), Fixtures.minimalAccountEvent());
        assertThat(roundTrip(file, EventCodecs.ACCOUNT_EVENT, in)).isEqualTo(in);
    }

    @ParameterizedTest
    @ValueSource(strings = {"d.jsonl", "d.jsonl.gz"})
    void decisions_writtenAndRead_equalOriginals(String file) {
        List<Decision> in = List.of(Fixtures.decision(), Fixtures.minimalDecision());
        assertThat(roundTrip(file, EventCodecs.DECISION, in)).isEqualTo(in);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c.jsonl", "c.jsonl.gz"})
    void campaigns_writtenAndRead_equalOriginals(String file) {
        List<Campaign> in = List.of(Fixtures.campaign(), Fixtures.minimalCampaign(), Fixtures.mergedCampaign());
        assertThat(roundTrip(file, EventCodecs.CAMPAIGN, in)).isEqualTo(in);
    }

    @org.junit.jupiter.api.Test
    void gzipReader_closedAfterFirstRecord_stopsCleanly() {
        Path p = dir.resolve("big.jsonl.gz");
        try (JsonlWriter<Interaction> w = JsonlWriter.open(p, EventCodecs.INTERACTION)) {
            for (int i = 0; i < 5000; i++) {
                w.write(Fixtures.interaction(i));
            }
        }
        for (int rep = 0; rep < 20; rep++) {
            try (JsonlReader<Interaction> r = JsonlReader.open(p, EventCodecs.INTERACTION)) {
                assertThat(r.next()).isEqualTo(Fixtures.interaction(0));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.jsonl", "x.jsonl.gz"})
    void gzipByExtension_onlyForGz(String file) throws Exception {
        Path p = dir.resolve(file);
        try (JsonlWriter<Decision> w = JsonlWriter.open(p, EventCodecs.DECISION)) {
            w.write(Fixtures.decision());
        }
        byte[] bytes = Files.readAllBytes(p);
        boolean gzip = (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        assertThat(gzip).isEqualTo(file.endsWith(".gz"));
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).endsWith("}\n").doesNotStartWith(" ");
        }
    }
}
