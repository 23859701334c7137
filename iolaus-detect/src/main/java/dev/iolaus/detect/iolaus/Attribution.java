package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.CampaignGraph;
import dev.iolaus.detect.graph.CampaignState;
import dev.iolaus.detect.graph.Posting;
import dev.iolaus.detect.score.Baseline;
import dev.iolaus.detect.score.EvidenceWriter;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the graph's verdicts into findings: joins an attributed account to its campaign and flags it with the
 * campaign's evidence, and emits campaigns in public form when they change.
 */
final class Attribution {
    private final CampaignGraph graph;
    private final Baseline baseline;
    private final AccountIndex accounts;
    private final Set<Integer> reported = new HashSet<>();

    Attribution(CampaignGraph graph, Baseline baseline, AccountIndex accounts) {
        this.graph = graph;
        this.baseline = baseline;
        this.accounts = accounts;
    }

    /** Attributes the account when the link is strong and its own traffic does not contradict the campaign. */
    void linkIfStrong(Findings out, AccountState st, CampaignGraph.Link l, long t) {
        if (l.strong() && !graph.contradicts(st, baseline.tellRate(), l.campaign())) {
            attributed(out, st, l.campaign(), l.via(), l.strength(), t);
        }
    }

    /** Attributes the account to the campaign through the value {@code via}; flags it when its score rose. */
    void attributed(Findings out, AccountState st, CampaignState c, Posting via, double strength, long t) {
        attributed(out, st, c, via, strength, t, null);
    }

    /** As {@link #attributed(Findings, AccountState, CampaignState, Posting, double, long)}, with own evidence. */
    void attributed(Findings out, AccountState st, CampaignState c, Posting via, double strength, long t,
                    Evidence own) {
        if (st.campaign < 0) {
            // Its whole history joins the campaign's profile: its calls before attribution were campaign traffic too.
            c.addMember(st);
            // Its cards, mailboxes and signup values may now mark the campaign: test them at the next pass.
            for (long key : st.staticAttrs) {
                if (key != 0) {
                    graph.requeue(key);
                }
            }
        }
        st.campaign = c.id;
        st.score = (float) Math.max(st.score, c.score * Math.min(1, strength));
        if (st.score > st.reportedScore) {
            st.reportedScore = st.score;
            List<Evidence> ev = new ArrayList<>(EvidenceWriter.campaign(c, baseline));
            ev.add(0, new Evidence("campaign_link", "account shares " + via.kind.label() + " "
                    + (via.display != null ? via.display : String.format("%016x", via.value).substring(0, 8) + "…")
                    + " with " + via.accounts() + " accounts of campaign " + c.publicId, Math.min(1, strength)));
            if (own != null) {
                ev.add(1, own);
            }
            out.flag(new AccountFinding(IolausDetector.NAME, accounts.id(st.index), st.score, Instant.ofEpochMilli(t),
                    c.publicId, ev));
            reported.add(c.id);
        }
    }

    /**
     * Emits the campaigns changed since last emitted: only new ones, unless {@code periodic}. A periodic emission
     * then announces the campaigns merged away since the last one (those reported before), after the ones they
     * merged into, so that a consumer never holds a stale campaign whose accounts are now another's.
     */
    void emitCampaigns(Findings out, boolean periodic, long nowMs) {
        for (CampaignState c : graph.campaigns()) {
            if (!c.changed || (!periodic && c.emittedMs != Long.MIN_VALUE)) {
                continue;
            }
            c.changed = false;
            c.emittedMs = nowMs;
            out.campaign(toCampaign(c));
        }
        if (!periodic) {
            return;
        }
        for (CampaignState c : graph.mergedAway()) {
            c.changed = false;
            if (c.emittedMs != Long.MIN_VALUE) {
                c.emittedMs = nowMs;
                out.campaign(mergedForm(c));
            }
        }
    }

    /** The public form of a campaign merged into another: no accounts, and the id of the one that carries on. */
    private Campaign mergedForm(CampaignState c) {
        long first = c.firstMs == Long.MAX_VALUE ? c.foundMs : c.firstMs;
        return new Campaign(c.publicId, IolausDetector.NAME, Set.of(), Math.min(1, c.score),
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(Math.max(first, c.lastMs)), c.interactions,
                c.outputTokens, c.capabilityNames(), List.of(), graph.campaign(c.id).publicId);
    }

    /** The public form of a campaign, with its current members. */
    Campaign toCampaign(CampaignState c) {
        Set<String> members = new HashSet<>();
        for (AccountState s : accounts.all()) {
            if (s.campaign >= 0 && graph.campaign(s.campaign) == c) {
                members.add(accounts.id(s.index));
            }
        }
        long first = c.firstMs == Long.MAX_VALUE ? c.foundMs : c.firstMs;
        return new Campaign(c.publicId, IolausDetector.NAME, members, Math.min(1, c.score), Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(Math.max(first, c.lastMs)), c.interactions, c.outputTokens,
                c.capabilityNames(), EvidenceWriter.campaign(c, baseline));
    }
}
