package dev.iolaus.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolaus.model.Campaign;
import org.junit.jupiter.api.Test;

/** A campaign merged into another is written with {@code merged_into} and no accounts; one with accounts is refused. */
class MergedCampaignCodecTest {

    @Test
    void mergedCampaign_written_namesTheSurvivorAndNoAccounts() {
        String json = Json.write(EventCodecs.CAMPAIGN, Fixtures.mergedCampaign());

        assertThat(json).contains("\"accounts\":[]").endsWith("\"merged_into\":\"c-1\"}");
        Campaign back = Json.read(EventCodecs.CAMPAIGN, json);
        assertThat(back.merged()).isTrue();
        assertThat(back.mergedInto()).isEqualTo("c-1");
    }

    @Test
    void liveCampaign_written_hasNoMergedInto() {
        assertThat(Json.write(EventCodecs.CAMPAIGN, Fixtures.campaign())).doesNotContain("merged_into");
        assertThat(Fixtures.campaign().merged()).isFalse();
    }

    @Test
    void mergedCampaignWithAccounts_read_refusedWithTheReason() {
        String json = "{\"id\":\"c-2\",\"accounts\":[\"acct-1\"],\"score\":0.5,\"interactions\":0,"
                + "\"output_tokens\":0,\"merged_into\":\"c-1\"}";

        assertThatThrownBy(() -> Json.read(EventCodecs.CAMPAIGN, json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("'accounts' must be empty");
    }
}
