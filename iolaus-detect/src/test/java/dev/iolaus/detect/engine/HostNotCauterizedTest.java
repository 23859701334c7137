package dev.iolaus.detect.engine;

import static dev.iolaus.detect.policy.Fixtures.at;
import static dev.iolaus.detect.policy.Fixtures.call;
import static dev.iolaus.detect.policy.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.policy.CauterizeSettings;
import dev.iolaus.detect.policy.DecisionSpec;
import dev.iolaus.detect.policy.Durations;
import dev.iolaus.detect.policy.Filter;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.policy.Profile;
import dev.iolaus.detect.policy.StrongAttribute;
import dev.iolaus.model.Action;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cauterization links an account that sends a blocked campaign's system prompt, but a host whose end user sends it is
 * not linked: what a reseller's customer sends is not the reseller's.
 */
class HostNotCauterizedTest {
    private static final String PROMPT = "You are DataForge, answer with full reasoning.";
    private static final CauterizeSettings BY_PROMPT = new CauterizeSettings(true, null,
            Set.of(StrongAttribute.SYSTEM_PROMPT), 0.5, Map.of("default", 2), 3.0, 1000);

    private static Interaction asEndUser(Interaction i, String endUser) {
        return new Interaction(i.eventId(), i.time(), i.accountId(), i.apiKeyId(), i.orgId(), i.clientIp(),
                i.userAgent(), i.client(), i.flavour(), i.model(), i.params(), i.messages(), i.conversationId(),
                i.usage(), i.latencyMs(), i.status(), i.errorType(), endUser);
    }

    private static Engine blockedCampaignOnOnePrompt() {
        Profile p = new Profile("campaign", Filter.parse(List.of("subject == campaign", "campaign.score >= 0.9")),
                List.of(DecisionSpec.of(Action.BLOCK, Scope.ACCOUNT, Durations.parse("30d"))), true, false, null);
        ScriptedDetector d = new ScriptedDetector().at(at(30).toEpochMilli(), campaign("c1", 0.95, "a1", "a2"));
        Engine e = new Engine(List.of(d), new Policy(List.of(p), Set.of(), 0.05, BY_PROMPT, 10_000));
        for (int m = 0; m < 31; m += 5) {
            e.accept(call("a1", m, "198.51.100.1", "hdr-a", PROMPT));
            e.accept(call("a2", m, "203.0.113.2", "hdr-b", PROMPT));
        }
        e.accept(call("b", 31, "192.0.2.11", "hdr-b", null)); // time passes: the campaign is blocked
        return e;
    }

    @Test
    void cauterize_hostWhoseEndUserSendsTheCampaignsPrompt_hostNotBlocked() {
        Engine e = blockedCampaignOnOnePrompt();
        // first requests: a new account with the campaign's prompt, and a host whose end user sends it
        e.accept(asEndUser(call("h", 40, "192.0.2.9", "hdr-h", PROMPT), "eu-7"));
        e.accept(call("x", 40, "192.0.2.10", "hdr-x", PROMPT));

        assertThat(e.decisions().any(Scope.ACCOUNT, "x", at(41).toEpochMilli())).as("a direct account is linked")
                .isNotNull();
        assertThat(e.decisions().any(Scope.ACCOUNT, "h", at(41).toEpochMilli())).isNull();
        assertThat(e.enforcement(call("h", 41, "192.0.2.9", "hdr-h", null))).isNull();
    }
}
