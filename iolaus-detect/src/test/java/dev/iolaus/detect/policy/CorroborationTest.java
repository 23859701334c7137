package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Rules.CLIENT;
import static dev.iolaus.detect.policy.Rules.DOMAIN;
import static dev.iolaus.detect.policy.Rules.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.model.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of several kinds ({@code a + b}): weak links count only together, on the same blocked campaign. */
class CorroborationTest {

    @Test
    void oneWeakLink_neverLinks_butTwoOfTheSameCampaignDo() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_network + email_domain")), "c1",
                NETWORK, DOMAIN);

        assertThat(c.check("only-network", List.of(NETWORK), 1, 0)).isNull();
        assertThat(c.check("only-domain", List.of(DOMAIN), 2, 0)).isNull();
        Decision d = c.check("reserve", List.of(NETWORK, DOMAIN), 3, 0);

        assertThat(d).isNotNull();
        assertThat(d.reason()).contains("by signup_network 203.0.113.0/24 (carried by 2 of its accounts) and "
                + "email_domain example.cn (carried by 2 of its accounts)");
    }

    @Test
    void weakLinksToTwoDifferentCampaigns_doNotCorroborateEachOther() {
        Cauterizer c = new Cauterizer(Rules.settings("signup_network + email_domain"));
        Rules.blocked(c, "c1", NETWORK);
        Rules.blocked(c, "c2", DOMAIN);

        assertThat(c.check("stranger", List.of(NETWORK, DOMAIN), 1, 0)).isNull();
    }

    @Test
    void rules_applyToNewAccountsOnly_butACampaignCardAddedLaterLinksAnyAccount() {
        StrongAttribute card = new StrongAttribute(StrongAttribute.PAYMENT_FINGERPRINT, "card-1");
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("payment_fingerprint",
                "signup_network + client_fingerprint")), "c1", NETWORK, CLIENT, card);

        assertThat(c.check("on-first-request", List.of(NETWORK, CLIENT), 1, 1)).isNotNull();
        assertThat(c.check("with-a-history", List.of(NETWORK, CLIENT), 2, 40)).isNull();
        assertThat(c.check("card-added-late", List.of(card), 3, 40)).isNotNull();
    }

    @Test
    void weakValueCarriedByManyUnrelatedAccounts_doesNotCorroborate() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_network + email_domain")), "c1",
                NETWORK, DOMAIN);
        for (int i = 0; i < 5; i++) {
            c.observe(DOMAIN);    // five customers who sent requests use the same mail provider
        }

        assertThat(c.check("newcomer", List.of(NETWORK, DOMAIN), 1, 0)).isNull();
    }
}
