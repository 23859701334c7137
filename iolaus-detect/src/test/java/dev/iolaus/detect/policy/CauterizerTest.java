package dev.iolaus.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CauterizerTest {
    private static final StrongAttribute CARD = new StrongAttribute(StrongAttribute.PAYMENT_FINGERPRINT, "fpX");
    private static final StrongAttribute SDK = new StrongAttribute(StrongAttribute.CLIENT_FINGERPRINT, "h-sdk/1");

    /** The default settings with the SDK fingerprint as a link of its own, to show that a common value never links. */
    private static final CauterizeSettings WITH_CLIENT = new CauterizeSettings(true, Duration.ofDays(30),
            Set.of(StrongAttribute.PAYMENT_FINGERPRINT, StrongAttribute.SIGNUP_BURST, StrongAttribute.CLIENT_FINGERPRINT),
            0.5, CauterizeSettings.DEFAULT.minMembers(), 3.0, 1_000_000);

    private static Cauterizer withCarriers() {
        Cauterizer c = new Cauterizer(WITH_CLIENT);
        // Two campaign members carry the card; the SDK fingerprint is carried by 2 members and 50 outsiders.
        c.observe(CARD);
        c.observe(CARD);
        for (int i = 0; i < 52; i++) {
            c.observe(SDK);
        }
        return c;
    }

    @Test
    void exclusiveAttributeOfBlockedCampaign_blocksANewAccountCarryingIt() {
        Cauterizer c = withCarriers();
        Cauterizer.Registration r = c.block("c1", "iolaus", 0.97, Map.of(CARD, 2, SDK, 2), 2, Long.MAX_VALUE, false);

        Decision d = c.check("r1", List.of(SDK, CARD), 1_000);

        assertThat(r).isEqualTo(new Cauterizer.Registration(1, 1));
        assertThat(d.scope()).isEqualTo(Scope.ACCOUNT);
        assertThat(d.value()).isEqualTo("r1");
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.shadow()).isFalse();
        assertThat(d.evidenceRef()).isEqualTo("campaign:c1");
        assertThat(d.reason()).contains("blocked campaign c1 by payment_fingerprint fpX");
        assertThat(d.expiresAt().toEpochMilli()).isEqualTo(1_000 + 30L * 86_400_000);
    }

    @Test
    void commonAttribute_neverLinks() {
        Cauterizer c = withCarriers();
        c.block("c1", "iolaus", 0.97, Map.of(SDK, 2), 2, Long.MAX_VALUE, false);

        assertThat(c.check("benign", List.of(SDK), 1_000)).isNull();
    }

    @Test
    void lapsedBlock_noLongerLinks_andShadowBlockLinksInShadow() {
        Cauterizer c = withCarriers();
        c.block("c1", "iolaus", 0.97, Map.of(CARD, 2), 2, 5_000, true);

        assertThat(c.check("r1", List.of(CARD), 1_000).shadow()).isTrue();
        assertThat(c.check("r2", List.of(CARD), 5_000)).isNull();
    }

    @Test
    void campaign_linksAtMostRatioTimesItsSize() {
        CauterizeSettings s = new CauterizeSettings(true, null, CauterizeSettings.DEFAULT.kinds(), 0.5, Map.of("default", 1), 1.0, 100);
        Cauterizer c = new Cauterizer(s);
        c.observe(CARD);
        c.observe(CARD);
        c.block("c1", "iolaus", 0.9, Map.of(CARD, 2), 2, Long.MAX_VALUE, false);

        assertThat(c.check("r1", List.of(CARD), 1)).isNotNull();
        assertThat(c.check("r2", List.of(CARD), 2)).isNotNull();
        assertThat(c.check("r3", List.of(CARD), 3)).isNull();
    }

    @Test
    void valueCarriedByOneMember_isNotRegistered_unlessItsKindAllowsOne() {
        StrongAttribute prompt = new StrongAttribute(StrongAttribute.TEMPLATE_SIGNATURE, "t1");
        Cauterizer c = new Cauterizer(CauterizeSettings.DEFAULT);
        c.observe(prompt);
        c.observe(CARD);

        Cauterizer.Registration r = c.block("c1", "iolaus", 0.9, Map.of(prompt, 1, CARD, 1), 1, Long.MAX_VALUE, false);

        assertThat(r.registered()).isEqualTo(1);
        assertThat(c.check("x", List.of(prompt), 1)).isNull();
        assertThat(c.check("y", List.of(CARD), 1)).isNotNull();
    }

    @Test
    void valueThatSpreadAfterTheBlock_stopsLinking() {
        Cauterizer c = withCarriers();
        c.block("c1", "iolaus", 0.97, Map.of(CARD, 2), 2, Long.MAX_VALUE, false);
        for (int i = 0; i < 10; i++) {
            c.observe(CARD);    // ten unrelated accounts start using the card
        }

        assertThat(c.check("late", List.of(CARD), 1_000)).isNull();
    }

    @Test
    void linkedAccountsAttributes_joinTheCampaign_soAChainOfReservesIsFollowed() {
        StrongAttribute burst = new StrongAttribute(StrongAttribute.SIGNUP_BURST, "t@100");
        Cauterizer c = withCarriers();
        for (int i = 0; i < 3; i++) {
            c.observe(burst);   // r1, r2 and r3 signed up together
        }
        c.block("c1", "iolaus", 0.97, Map.of(CARD, 2), 2, Long.MAX_VALUE, false);

        assertThat(c.check("r3", List.of(burst), 1)).as("burst not yet the campaign's").isNull();
        assertThat(c.check("r1", List.of(CARD, burst), 2)).isNotNull();
        assertThat(c.check("r2", List.of(CARD, burst), 3)).isNotNull();
        assertThat(c.check("r3", List.of(burst), 4)).isNotNull()
                .extracting(Decision::reason).asString().contains("by signup_burst t@100 (carried by 2");
    }

    @Test
    void disabled_doesNothing() {
        Cauterizer c = new Cauterizer(CauterizeSettings.OFF);
        c.observe(CARD);

        assertThat(c.block("c1", "iolaus", 0.9, Map.of(CARD, 1), 1, Long.MAX_VALUE, false).registered()).isZero();
        assertThat(c.check("r1", List.of(CARD), 1)).isNull();
    }
}
