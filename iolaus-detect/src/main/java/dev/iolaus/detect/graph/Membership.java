package dev.iolaus.detect.graph;

import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.score.OwnEvidence;
import dev.iolaus.detect.score.PooledTest;

/**
 * The membership rules of the graph: when an account's own traffic argues against its joining a campaign, whatever
 * values it shares with the campaign's members. Every path that attributes an account (discovery, links, exclusive
 * choices, end users) asks these rules first, through {@link CampaignGraph#contradicts}.
 */
final class Membership {
    /**
     * Bayes factor (baseline over campaign) from which an account's own traffic keeps it out of a campaign: Jeffreys'
     * "strong evidence", 10. Against an established campaign whose members put a tell in 40% of their calls and a 5%
     * baseline, that is five or six calls in a row without a tell, about the allowance of the no-tell rule of
     * {@link #contradicts(AccountState, double)}.
     */
    static final double CONTRADICT_LOG_BF = Math.log(10);

    private final GraphSettings settings;

    Membership(GraphSettings settings) {
        this.settings = settings;
    }

    /**
     * True when the account's own traffic argues against membership: five calls or more without a single tell, or a
     * history long enough to judge and tells not even mildly above the baseline (own z below 1). Sharing a tool
     * schema or a template with a campaign is then taken for what it is, a coincidence of popular content.
     */
    boolean contradicts(AccountState a, double p0) {
        return a.n >= 5 && a.tells == 0
                || a.n >= settings.contradictAfter() && PooledTest.z(a.tells, a.n, p0, 1, 0) < 1.0;
    }

    /**
     * {@link #contradicts(AccountState, double)}, or the account's own tells are explained better by the benign
     * baseline than by the campaign's members ({@code campaignTells} of their {@code campaignCalls} calls carry a
     * tell), by a Bayes factor of 10 or more ({@link OwnEvidence}). A startup that asks for step-by-step answers in
     * one call of ten is above the baseline but nothing like a campaign that asks in four of ten: sharing the
     * campaign's stock system prompt or template, it stays out. A short history cannot reach the factor, so a fresh
     * account is judged by its links. No effect when the members' rate is not above the baseline.
     */
    boolean contradicts(AccountState a, double p0, long campaignTells, long campaignCalls) {
        if (contradicts(a, p0)) {
            return true;
        }
        if (campaignCalls > 0 && campaignTells <= p0 * campaignCalls) {
            return false;
        }
        return OwnEvidence.logBayesFactor(a.tells, a.n, p0, campaignTells, campaignCalls) >= CONTRADICT_LOG_BF;
    }

    /** {@link #contradicts(AccountState, double, long, long)} against the campaign's members' traffic. */
    boolean contradicts(AccountState a, double p0, CampaignState c) {
        return contradicts(a, p0, c.memberTells, c.memberCalls);
    }
}
