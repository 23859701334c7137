package dev.iolaus.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.eval.EvalReport.DetectorReport;
import dev.iolaus.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnforcementScopesTest {
    @Test
    void paymentFingerprintBlock_blocksEveryAccountWithThatCardNowAndLater() {
        Fixture f = Fixture.builder().planned("c1", 6)
                .attacker("a1", "c1").signup("a1", 0, "card-X").calls("a1", 10, 20)
                .attacker("a2", "c1").signup("a2", 1, "card-X").calls("a2", 11, 21)
                .attacker("a3", "c1").signup("a3", 15, "card-X").calls("a3", 16, 22)
                .benign("b1", "family").signup("b1", 2, "card-Y").calls("b1", 12, 23);
        Scripted s = new Scripted().deciding((i, out) -> {
            if (i.accountId().equals("a1") && i.served()) {
                out.decision(Scripted.block(Scope.PAYMENT_FINGERPRINT, "card-X", i, false));
            }
        });
        DetectorReport r = Runs.scripted(f, s);
        // a1 served once (10 s), a2 blocked before its first call, a3 blocked when it adds the card.
        assertThat(r.campaigns().get("c1").servedInteractions()).isEqualTo(1);
        assertThat(r.archetypes().get("family").blockedRate()).isZero();
        assertThat(r.accounts().tp()).as("an enforced block counts as a detection").isEqualTo(3);
    }

    @Test
    void ipBlock_refusesCallsFromTheAddressWithoutBlockingTheAccount() {
        Fixture f = Fixture.builder().planned("c1", 3)
                .attacker("a1", "c1").call("a1", 0, 100, "198.51.100.1").call("a1", 10, 100, "198.51.100.1")
                .call("a1", 20, 100, "203.0.113.9")
                .benign("b1", "nat").call("b1", 5, 100, "198.51.100.1").call("b1", 6, 100, "203.0.113.8");
        Scripted s = new Scripted().deciding((i, out) -> {
            if (i.accountId().equals("a1") && i.served()) {
                out.decision(Scripted.block(Scope.IP, "198.51.100.1", i, false));
            }
        });
        DetectorReport r = Runs.scripted(f, s);
        assertThat(r.campaigns().get("c1").servedInteractions()).as("0 s and 20 s").isEqualTo(2);
        assertThat(r.archetypes().get("nat").blockedRate()).isZero();
        assertThat(r.served()).isEqualTo(3);
    }

    @Test
    void cidrAndCampaignBlocks_applyToTheirMembers_shadowDecisionsDoNot() {
        Fixture f = Fixture.builder().planned("c1", 6)
                .attacker("a1", "c1").calls("a1", 0, 30).attacker("a2", "c1").calls("a2", 1, 31)
                .attacker("a3", "c1").call("a3", 2, 100, "192.0.2.77").call("a3", 32, 100, "192.0.2.78");
        Scripted s = new Scripted().deciding((i, out) -> {
            if (i.accountId().equals("a1") && i.served()) {
                out.decision(Scripted.block(Scope.ACCOUNT, "a2", i, true));
                out.campaign(Scripted.campaign("k1", "a1", "a2"));
                out.decision(Scripted.block(Scope.CAMPAIGN, "k1", i, false));
                out.decision(Scripted.block(Scope.CIDR, "192.0.2.0/24", i, false));
            }
        });
        DetectorReport r = Runs.scripted(f, s);
        // Decisions at 0 s: the shadow one is ignored, the campaign block stops a1 and a2, the CIDR refuses a3.
        assertThat(r.campaigns().get("c1").servedInteractions()).isEqualTo(1);
        assertThat(r.reportedCampaigns()).isEqualTo(1);
        assertThat(r.purity()).isEqualTo(1.0);
    }

    @Test
    void decisionEmittingDetector_flagsAloneDoNotBlock() {
        Fixture f = Fixture.builder().planned("c1", 2).attacker("a1", "c1").calls("a1", 0, 10);
        Scripted s = new Scripted().deciding((i, out) -> out.flag(new AccountFinding("scripted", i.accountId(), 0.9,
                i.time(), null, List.of())));
        DetectorReport r = Runs.scripted(f, s);
        assertThat(r.campaigns().get("c1").servedInteractions()).isEqualTo(2);
        assertThat(r.accounts().recall()).isEqualTo(1.0);
    }
}
