package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.AttributeKind;
import dev.iolaus.detect.graph.CampaignGraph;
import dev.iolaus.detect.graph.CampaignState;
import dev.iolaus.detect.graph.Posting;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.EvidenceWriter;
import dev.iolaus.model.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * The detector's answers to the policy engine's cauterize rule: which campaign already found an account or an
 * attribute value is linked to, and why ({@link CampaignLink}).
 */
final class LinkQueries {
    private final CampaignGraph graph;
    private final Baseline baseline;
    private final AccountIndex accounts;
    private final Holdings holdings;
    private final Housekeeping clock;

    LinkQueries(CampaignGraph graph, Baseline baseline, AccountIndex accounts, Holdings holdings, Housekeeping clock) {
        this.graph = graph;
        this.baseline = baseline;
        this.accounts = accounts;
        this.holdings = holdings;
        this.clock = clock;
    }

    /** The campaign an account belongs to or is strongly linked to, with the evidence; empty when none. */
    Optional<CampaignLink> linkedCampaign(String accountId) {
        AccountState st = accounts.find(accountId);
        if (st == null) {
            return Optional.empty();
        }
        if (st.campaign >= 0) {
            CampaignState c = graph.campaign(st.campaign);
            return Optional.of(new CampaignLink(c.publicId, 1, true, EvidenceWriter.campaign(c, baseline)));
        }
        int count = holdings.heldStatic(st, 0, clock.nowMs());
        count = holdings.heldRecent(st, count);
        return graph.link(holdings.held, count).map(l -> new CampaignLink(l.campaign().publicId, l.strength(),
                l.via().kind.strong(), List.of(new Evidence(EvidenceWriter.kindCode(l.via().kind),
                        EvidenceWriter.sharedSentence(l.via()), Math.min(1, l.strength())))));
    }

    /** The campaign an attribute value marks (e.g. a payment fingerprint hash), with evidence; empty when none. */
    Optional<CampaignLink> linkedCampaign(AttributeKind kind, String value) {
        long v = kind == AttributeKind.EMAIL_DOMAIN ? Hash64.ofLower(value) : Hash64.of(value);
        Posting p = graph.posting(kind, v);
        if (p == null || p.campaign < 0) {
            return Optional.empty();
        }
        CampaignState c = graph.campaign(p.campaign);
        return Optional.of(new CampaignLink(c.publicId, kind.linkWeight() * p.purity, kind.strong(),
                List.of(new Evidence(EvidenceWriter.kindCode(kind), EvidenceWriter.sharedSentence(p), p.purity))));
    }
}
