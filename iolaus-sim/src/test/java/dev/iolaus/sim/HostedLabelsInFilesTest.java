package dev.iolaus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.gen.SimulatedSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated directory labels every call of a hosted campaign, not only every account, as the live source does. */
class HostedLabelsInFilesTest {
    @TempDir
    Path dir;

    @Test
    void truthFile_resellerMix_labelsEachCallLikeTheLiveSource() {
        Map<String, String> live = new HashMap<>();
        try (SimulatedSource src = Fixtures.open("reseller-mix", 0.005)) {
            for (SimEvent e; (e = src.next()) != null; ) {
                if (e instanceof SimEvent.Call c) {
                    live.put(c.interaction().eventId(), src.labelOf(c.interaction().eventId()));
                }
            }
        }
        SimulationWriter.write(Fixtures.open("reseller-mix", 0.005), dir, n -> { });
        Truth truth = SimulationWriter.readTruth(dir.resolve(SimulationWriter.TRUTH));
        assertThat(truth.hostedSenders()).containsValues("reseller-5pct", "reseller-10pct");
        Map<String, Long> hostedCalls = new HashMap<>();
        long calls = 0;
        try (JsonlReader<Interaction> r = JsonlReader.open(dir.resolve(SimulationWriter.INTERACTIONS),
                EventCodecs.INTERACTION)) {
            for (Interaction i : r) {
                String label = truth.labelOf(i.eventId(), i.accountId());
                assertThat(label).as(i.eventId()).isEqualTo(live.get(i.eventId()));
                if (label.startsWith("reseller-")) {
                    hostedCalls.merge(label, 1L, Long::sum);
                }
                calls++;
            }
        }
        assertThat(calls).isEqualTo(live.size());
        assertThat(hostedCalls).containsKeys("reseller-5pct", "reseller-10pct");
    }
}
