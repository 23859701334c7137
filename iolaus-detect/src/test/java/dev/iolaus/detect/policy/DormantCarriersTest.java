package dev.iolaus.detect.policy;

import static dev.iolaus.detect.policy.Rules.BURST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Popularity counts accounts seen acting: dormant accounts sharing a campaign's signup burst are its likely reserves,
 * not strangers, while customers who send requests dilute the burst until it stops linking.
 */
class DormantCarriersTest {

    @Test
    void dormantAccountsInTheBurst_doNotDiluteIt_soEachIsLinked() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_burst")), "c1", BURST);
        for (int i = 0; i < 6; i++) {
            c.observe(BURST, false);    // six silent signups in the same five minutes
        }

        for (int i = 0; i < 6; i++) {
            assertThat(c.check("r" + i, List.of(BURST), 10 + i, 0)).as("reserve r%d", i).isNotNull();
        }
    }

    @Test
    void activeStrangersInTheBurst_dilute_itUntilItStopsLinking() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_burst")), "c1", BURST);
        for (int i = 0; i < 4; i++) {
            c.observe(BURST, true);    // four customers who signed up then and use the service
        }

        assertThat(c.check("late", List.of(BURST), 10, 0)).isNull();
    }

    @Test
    void linkedDormantAccount_thatStartsSendingRequests_staysOnTheCampaignsSide() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_burst")), "c1", BURST);
        c.observe(BURST, false);
        c.observe(BURST, false);
        assertThat(c.check("r1", List.of(BURST), 10, 0)).isNotNull();

        c.activated("r1", List.of(BURST));    // r1 tries its key: it is the campaign's, not a stranger
        c.activated("x", List.of(BURST));     // an unlinked signup of the same minutes becomes active

        assertThat(c.carriers(BURST)).isEqualTo(4);
        assertThat(c.check("r2", List.of(BURST), 11, 0)).isNotNull();
    }

    @Test
    void signupBurst_doesNotLinkAnAccountWithAHistory() {
        Cauterizer c = Rules.blocked(new Cauterizer(Rules.settings("signup_burst")), "c1", BURST);

        assertThat(c.check("customer", List.of(BURST), 10, 30)).isNull();
        assertThat(c.check("reserve", List.of(BURST), 11, 1)).isNotNull();
    }
}
