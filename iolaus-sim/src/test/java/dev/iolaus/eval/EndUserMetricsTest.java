package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.iolaus.eval.EvalReport.CampaignMetrics;
import org.junit.jupiter.api.Test;

/**
 * A campaign hosted in a reseller whose calls name end users is scored by its end users (sub-accounts): found when
 * they are flagged, its leakage cut when they are blocked, and the reseller's own customers form a row of their own;
 * none of them counts as an account.
 */
class EndUserMetricsTest {
    /** The reseller's customer eu-a calls at 4..7 and 10; the hosted sender, as end user eu-h, at 1, 2, 3, 8, 9. */
    private static Fixture reseller() {
        return Fixture.builder().benign("res", "reseller").callsAs("res", "eu-a", 4, 5, 6, 7, 10)
                .hostedCallsAs("h", "res", "eu-h", 1, 2, 3, 8, 9);
    }

    @Test
    void metrics_hostedEndUserFlagged_foundAndItsLaterCallsRefused() {
        EvalReport.DetectorReport r = Runs.scripted(reseller(), new Scripted().flagOnCall("res~eu-h", 3));
        CampaignMetrics c = r.campaigns().get("h");
        assertThat(c.recall()).isEqualTo(1.0);
        assertThat(c.accounts()).as("its end users").isEqualTo(1);
        assertThat(c.firstFlagS()).isCloseTo(2.0, within(1e-9));
        assertThat(c.servedInteractions()).as("its calls at 1, 2 and 3").isEqualTo(3);
        assertThat(r.archetypes().get("reseller").blockedRate()).as("the host is not blocked").isEqualTo(0.0);
        assertThat(r.archetypes().get("reseller end users").flaggedRate()).isEqualTo(0.0);
        assertThat(r.archetypes().get("reseller end users").accounts()).isEqualTo(1);
        assertThat(r.accounts().fp() + r.accounts().tn()).as("the host alone is an account").isEqualTo(1);
    }

    @Test
    void metrics_resellersOwnCustomerFlagged_countsInItsEndUserRowOnly() {
        EvalReport.DetectorReport r = Runs.scripted(reseller(), new Scripted().flagOnCall("res~eu-a", 1));
        assertThat(r.archetypes().get("reseller end users").flaggedRate()).isEqualTo(1.0);
        assertThat(r.archetypes().get("reseller end users").blockedRate()).isEqualTo(1.0);
        assertThat(r.accounts().fp()).as("no account was flagged").isZero();
        CampaignMetrics c = r.campaigns().get("h");
        assertThat(c.recall()).isEqualTo(0.0);
        assertThat(c.leakageInteractions()).isCloseTo(1.0, within(1e-12));
    }
}
