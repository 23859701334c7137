package dev.iolaus.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.gateway.enforce.DecisionIndex;
import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CAMPAIGN-scope decision reaches the end users (sub-accounts {@code account~end user}) linked to the campaign, on
 * the calls that name them only: never the host's own calls or its other end users.
 */
class CampaignScopeEndUserTest {
    private static final long NOW = 1_800_000_000_000L;

    private static Decision campaignBlock(String campaign) {
        return new Decision("d-" + campaign, Scope.CAMPAIGN, campaign, Action.BLOCK, "r", null, "t", 0.9,
                Instant.ofEpochMilli(NOW - 1000), Instant.ofEpochMilli(NOW + 60_000), false);
    }

    @Test
    void campaignBlock_linkedEndUser_blockedOnlyOnItsCalls() {
        DecisionIndex idx = new DecisionIndex();
        idx.linkCampaign("camp-1", List.of("acct-member", "host~eu1"));
        idx.accept(campaignBlock("camp-1"));

        assertThat(idx.lookup("host", "eu1", "k", "10.0.0.1", NOW).id()).isEqualTo("d-camp-1");
        assertThat(idx.lookup("host", "eu2", "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookup("host", "k", "10.0.0.1", NOW)).isNull();
        assertThat(idx.lookup("acct-member", "k", "10.0.0.1", NOW).id()).isEqualTo("d-camp-1");
    }

    @Test
    void linkedEndUser_hostReadsEndUserBeforeLookup_campaignOfSubAccount() {
        DecisionIndex idx = new DecisionIndex();
        assertThat(idx.hasEndUserDecisions("host")).isFalse();
        idx.linkCampaign("camp-1", List.of("host~team~7"));

        assertThat(idx.hasEndUserDecisions("host")).isTrue();
        assertThat(idx.campaignOf("host~team~7")).isEqualTo("camp-1");
        assertThat(idx.campaignOf("host")).isNull();
        assertThat(idx.campaignOf("host~team")).isNull();
    }
}
