package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.eval.EvalReport.CampaignMetrics;
import dev.iolaus.eval.EvalReport.DetectorReport;
import org.junit.jupiter.api.Test;

class TimeToDetectTest {
    @Test
    void campaigns_firstFlagAndNinetyPercent_areSecondsFromTheCampaignsFirstInteraction() {
        Fixture f = Fixture.builder()
                .attacker("a1", "c1").attacker("a2", "c1").attacker("a3", "c1").attacker("a4", "c1")
                .calls("a1", 100, 110, 120).calls("a2", 150, 400, 500).calls("a3", 200, 1000, 1100).calls("a4", 300)
                .attacker("x1", "c2").attacker("x2", "c2").calls("x1", 50, 60).calls("x2", 70, 90)
                .benign("b1", "chat").calls("b1", 10);
        Scripted s = new Scripted().flagOnCall("a1", 2).flagOnCall("a2", 2).flagOnCall("a3", 2)
                .flagOnCall("x1", 1).flagOnCall("x2", 2);
        DetectorReport r = Runs.scripted(f, s);
        CampaignMetrics c1 = r.campaigns().get("c1");
        assertThat(c1.firstFlagS()).isEqualTo(10.0);
        assertThat(c1.t90S()).as("3 of 4 flagged is below 90%").isNull();
        CampaignMetrics c2 = r.campaigns().get("c2");
        assertThat(c2.firstFlagS()).isEqualTo(0.0);
        assertThat(c2.t90S()).isEqualTo(40.0);
    }

    @Test
    void campaigns_neverFlagged_haveNullTimes() {
        Fixture f = Fixture.builder().attacker("a1", "c1").calls("a1", 1, 2);
        CampaignMetrics c = Runs.scripted(f, new Scripted()).campaigns().get("c1");
        assertThat(c.firstFlagS()).isNull();
        assertThat(c.t90S()).isNull();
        assertThat(c.recall()).isZero();
    }
}
