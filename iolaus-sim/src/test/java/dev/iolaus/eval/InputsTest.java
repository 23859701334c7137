package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.detect.Detectors;
import dev.iolaus.eval.EvalReport.DetectorReport;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlWriter;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.io.mapping.FieldMapping;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.EventSource;
import dev.iolaus.sim.SimEvent;
import dev.iolaus.sim.SimulationWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    private static final Fixture FIXTURE = Fixture.builder().planned("c1", 4)
            .attacker("a1", "c1").signup("a1", 0, "card-1").calls("a1", 1, 3).attacker("a2", "c1").calls("a2", 2, 4)
            .benign("b1", "chat").calls("b1", 2, 5);

    /** Writes the fixture's stream as 'iolaus simulate' would. */
    private static Path simulateOutput(Path dir) {
        try (EventSource src = FIXTURE.open();
             JsonlWriter<Interaction> iw = JsonlWriter.open(dir.resolve(SimulationWriter.INTERACTIONS),
                     EventCodecs.INTERACTION);
             JsonlWriter<AccountEvent> aw = JsonlWriter.open(dir.resolve(SimulationWriter.ACCOUNTS),
                     EventCodecs.ACCOUNT_EVENT)) {
            for (SimEvent e; (e = src.next()) != null; ) {
                if (e instanceof SimEvent.Call c) {
                    iw.write(c.interaction());
                } else if (e instanceof SimEvent.Lifecycle l) {
                    aw.write(l.event());
                }
            }
        }
        SimulationWriter.writeTruth(FIXTURE.truth(), dir.resolve(SimulationWriter.TRUTH));
        return dir;
    }

    @Test
    void events_simulateOutput_replaysInTimeOrderAndDropsBlockedAccounts(@TempDir Path dir) {
        StreamFactory f = Streams.events(simulateOutput(dir), Quarantine.counting());
        List<Long> times = new ArrayList<>();
        try (EventSource src = f.open()) {
            SimEvent e = src.next();
            assertThat(e).isInstanceOf(SimEvent.Lifecycle.class);
            src.onBlocked("a1", e.timeMs());
            for (; e != null; e = src.next()) {
                times.add(e.timeMs());
                if (e instanceof SimEvent.Call c) {
                    assertThat(c.interaction().accountId()).isNotEqualTo("a1");
                }
            }
        }
        assertThat(times).isSorted().hasSize(5);
        DetectorReport oracle = new EvalHarness(Detectors.registry(), EvalOptions.defaults())
                .run(f, List.of("oracle")).report().detectors().get("oracle");
        assertThat(oracle.accounts().recall()).isEqualTo(1.0);
        assertThat(oracle.campaigns().get("c1").leakageInteractions()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void events_directoryWithoutTruth_isAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Streams.events(dir, Quarantine.counting())).hasMessageContaining("truth.json");
    }

    @Test
    void labelledLog_nullLabelIsBenignOtherwiseCampaign_badLinesQuarantined(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.jsonl");
        Files.writeString(log, String.join("\n",
                "{\"user\":\"u1\",\"ts\":\"2026-04-01T00:00:03Z\",\"q\":\"hi\",\"campaign_label\":null}",
                "{\"user\":\"x1\",\"ts\":\"2026-04-01T00:00:01Z\",\"q\":\"solve\",\"campaign_label\":\"K\"}",
                "not json at all",
                "{\"user\":\"x1\",\"ts\":\"2026-04-01T00:00:02Z\",\"q\":\"solve 2\",\"campaign_label\":\"K\"}",
                "{\"user\":\"x2\",\"ts\":\"2026-04-01T00:00:04Z\",\"q\":\"solve 3\",\"campaign_label\":\"K\"}") + "\n");
        Quarantine.Collecting q = Quarantine.collecting();
        LabelledLog f = LabelledLog.read(log, FieldMapping.parse("account=user,time=ts,prompt=q")
                .withLabelField("campaign_label"), q);
        assertThat(q.rejections()).hasSize(1);
        assertThat(f.truth().accounts().get("u1").attacker()).isFalse();
        assertThat(f.truth().accounts().get("u1").label()).isEqualTo("benign");
        assertThat(f.truth().accounts().get("x1").campaignId()).isEqualTo("K");
        assertThat(f.truth().campaigns().get("K").plannedInteractions()).isEqualTo(3);
        List<Long> times = new ArrayList<>();
        try (EventSource src = f.open()) {
            for (SimEvent e; (e = src.next()) != null; ) {
                times.add(e.timeMs());
            }
        }
        assertThat(times).isSorted().hasSize(4);
        DetectorReport oracle = new EvalHarness(Detectors.registry(), EvalOptions.defaults())
                .run(f, List.of("oracle")).report().detectors().get("oracle");
        assertThat(oracle.accounts().precision()).isEqualTo(1.0);
        assertThat(oracle.campaigns().get("K").servedInteractions()).isEqualTo(2);
    }

    @Test
    void labelledLog_withoutLabelField_isRejected(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("l.jsonl"), "{}\n");
        assertThatThrownBy(() -> LabelledLog.read(log, FieldMapping.parse("account=u,time=t"), Quarantine.counting()))
                .hasMessageContaining("--label-field");
    }
}
