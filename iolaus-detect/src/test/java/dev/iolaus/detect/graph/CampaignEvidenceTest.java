package dev.iolaus.detect.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.EvidenceWriter;
import dev.iolaus.model.Evidence;
import org.junit.jupiter.api.Test;

/** A campaign's evidence lists the values that still mark it, not one that benign holders took over. */
class CampaignEvidenceTest {
    private static Posting held(AttributeKind kind, long value, float purity, int holders) {
        Posting p = new Posting(kind.key(value), kind, value, 0);
        for (int i = 0; i < holders; i++) {
            p.addAccount(i, 0);
        }
        p.purity = purity;
        return p;
    }

    @Test
    void campaign_markerWithNoPurityLeft_notListedAsEvidence() {
        CampaignState c = new CampaignState(0, 0);
        c.addMarker(held(AttributeKind.SYSTEM_BAND, 1, 0.56f, 12));
        c.addMarker(held(AttributeKind.HEAD, 2, 0f, 13));
        assertThat(EvidenceWriter.campaign(c, new Baseline())).extracting(Evidence::text)
                .anySatisfy(t -> assertThat(t).startsWith("12 accounts share system prompt signature"))
                .noneSatisfy(t -> assertThat(t).startsWith("13 accounts share template head"));
    }
}
