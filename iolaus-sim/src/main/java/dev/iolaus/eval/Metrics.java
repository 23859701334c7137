package dev.iolaus.eval;

import dev.iolaus.eval.EvalReport.AccountMetrics;
import dev.iolaus.eval.EvalReport.ArchetypeMetrics;
import dev.iolaus.eval.EvalReport.CampaignMetrics;
import dev.iolaus.eval.EvalReport.DetectorReport;
import dev.iolaus.sim.Truth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns raw runs into the report's metrics. The population of a run is every account that sent a call in its stream
 * or was flagged or blocked ({@link #population}); an account missing from the truth counts as benign archetype
 * {@code unlabelled}. An activated reserve is a reserve account in the population: it sent a call, or was blocked
 * before it could (a reserve blocked before its first request counts as blocked first).
 */
final class Metrics {
    static final String UNLABELLED = "unlabelled";
    /** Suffix of the archetype row of a host's end users (e.g. {@code reseller end users}). */
    static final String END_USERS = " end users";

    private Metrics() {
    }

    static EvalReport report(Reference ref, Map<String, DetectorRun> runs) {
        Map<String, DetectorReport> detectors = new LinkedHashMap<>();
        runs.forEach((n, r) -> detectors.put(n, detector(ref, r)));
        Truth t = ref.truth();
        return new EvalReport(t.scenario(), t.scale(), t.seed(), t.corpora(), new LinkedHashMap<>(ref.separability()),
                detectors);
    }

    static DetectorReport detector(Reference ref, DetectorRun run) {
        Truth truth = run.truth();
        Map<String, Ledger.Account> pop = population(run);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        Map<String, List<String>> byCampaign = new TreeMap<>();
        Map<String, long[]> byArchetype = new TreeMap<>();
        for (Map.Entry<String, Ledger.Account> e : pop.entrySet()) {
            Truth.AccountTruth label = truth.accounts().get(e.getKey());
            boolean flagged = e.getValue().flagMs >= 0;
            if (label != null && label.attacker()) {
                byCampaign.computeIfAbsent(label.campaignId(), k -> new ArrayList<>()).add(e.getKey());
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else {
                long[] c = byArchetype.computeIfAbsent(label == null ? UNLABELLED : label.label(), k -> new long[3]);
                c[0]++;
                if (flagged) {
                    fp++;
                    c[1]++;
                } else {
                    tn++;
                }
                if (e.getValue().blockMs >= 0) {
                    c[2]++;
                }
            }
        }
        Double precision = ratio(tp, tp + fp);
        Double recall = ratio(tp, tp + fn);
        Double f1 = recall == null ? null
                : precision == null || precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        AccountMetrics accounts = new AccountMetrics(precision, recall, f1, ratio(fp, fp + tn), tp, fp, fn, tn);

        Map<String, CampaignMetrics> campaigns = new TreeMap<>();
        for (String id : truth.campaigns().keySet()) {
            campaigns.put(id, campaign(ref, run, id, byCampaign.getOrDefault(id, List.of())));
        }
        byCampaign.keySet().forEach(id -> campaigns.computeIfAbsent(id,
                k -> campaign(ref, run, k, byCampaign.get(k))));
        // A host's own customers (end users it names, judged as sub-accounts) are a population of their own: not
        // accounts, so not in the account counts above, but their false positives are the host's blocked traffic.
        for (Ledger.EndUser u : run.ledger().endUsers().values()) {
            if (!u.attacker) {
                long[] c = byArchetype.computeIfAbsent((u.label == null ? UNLABELLED : u.label) + END_USERS,
                        k -> new long[3]);
                c[0]++;
                c[1] += u.flagMs >= 0 ? 1 : 0;
                c[2] += u.blockMs >= 0 ? 1 : 0;
            }
        }
        Map<String, ArchetypeMetrics> archetypes = new TreeMap<>();
        byArchetype.forEach((k, c) -> archetypes.put(k, new ArchetypeMetrics(ratio(c[1], c[0]), ratio(c[2], c[0]),
                c[0])));

        PrCurve pr = PrCurve.of(pop.keySet(), run.scores(), id -> {
            Truth.AccountTruth l = truth.accounts().get(id);
            return l != null && l.attacker();
        });
        CampaignQuality q = CampaignQuality.of(run.campaigns().values(), truth, pop.keySet());
        Double throughput = run.detectorNanos() <= 0 ? null : run.interactions() / (run.detectorNanos() / 1e9);
        return new DetectorReport(accounts, campaigns, archetypes, throughput, run.peakHeapBytes() / (1024.0 * 1024.0),
                pr.averagePrecision(), pr.points(), q.purity(), q.completeness(), run.campaigns().size(),
                run.interactions(), run.ledger().served(), run.notes());
    }

    /**
     * Accounts that count: those that sent at least one call, or that the detector flagged or enforcement blocked.
     * Accounts that only signed up and stayed silent (dormant reserves never activated) are left out: no traffic
     * judges them and they leak nothing, and a detector that catches one anyway still gets it counted.
     */
    static Map<String, Ledger.Account> population(DetectorRun run) {
        Map<String, Ledger.Account> pop = new java.util.HashMap<>();
        run.ledger().accounts().forEach((id, a) -> {
            if (a.calls > 0 || a.flagMs >= 0 || a.blockMs >= 0) {
                pop.put(id, a);
            }
        });
        return pop;
    }

    static CampaignMetrics campaign(Reference ref, DetectorRun run, String id, List<String> members) {
        Map<String, Ledger.Account> pop = run.ledger().accounts();
        Truth.CampaignTruth plan = run.truth().campaigns().get(id);
        long firstCall = Long.MAX_VALUE;
        long flagged = 0;
        long served = 0;
        long servedTokens = 0;
        long[] flags = new long[members.size()];
        long reserves = 0;
        long reservesFirst = 0;
        for (String m : members) {
            Ledger.Account a = pop.get(m);
            if (a.firstCallMs >= 0) {
                firstCall = Math.min(firstCall, a.firstCallMs);
            }
            if (a.flagMs >= 0) {
                flags[(int) flagged++] = a.flagMs;
            }
            served += a.served;
            servedTokens += a.servedOutputTokens;
            Truth.AccountTruth label = run.truth().accounts().get(m);
            if (label != null && label.reserve()) {
                reserves++;
                if (a.blockMs >= 0 && (a.firstCallMs < 0 || a.blockMs <= a.firstCallMs)) {
                    reservesFirst++;
                }
            }
        }
        Arrays.sort(flags, 0, (int) flagged);
        Double firstFlag = null;
        Double t90 = null;
        if (firstCall != Long.MAX_VALUE && flagged > 0) {
            firstFlag = (flags[0] - firstCall) / 1000.0;
            int need = (int) Math.ceil(0.9 * members.size());
            if (flagged >= need) {
                t90 = (flags[need - 1] - firstCall) / 1000.0;
            }
        }
        long planned = plan != null && plan.plannedInteractions() > 0 ? plan.plannedInteractions()
                : ref.servedInteractions().getOrDefault(id, 0L);
        // Planned output tokens: the plan's interactions at the output tokens per call the campaign was served
        // when nobody stopped it; without a plan, what the unenforced stream served.
        long refServed = ref.servedInteractions().getOrDefault(id, 0L);
        long refTokens = ref.outputTokens().getOrDefault(id, 0L);
        long plannedTokens = plan != null && plan.plannedInteractions() > 0 && refServed > 0
                ? Math.round((double) plan.plannedInteractions() * refTokens / refServed) : refTokens;
        if (members.isEmpty() && plan != null) {
            long[] exact = run.ledger().campaignServed(id);
            if (exact != null && refServed > 0) {
                // hosted, labelled per call: the share of what it was served unenforced that it still got; found
                // when the end-user ids it sent under (sub-accounts of its host) were flagged
                long[] users = hostedEndUsers(run, id);
                Double first = users[2] == Long.MAX_VALUE || users[3] == Long.MAX_VALUE ? null
                        : (users[3] - users[2]) / 1000.0;
                return new CampaignMetrics(ratio(users[1], users[0]), first, null, ratio(exact[0], planned),
                        ratio(exact[1], plannedTokens), null, users[0], users[1], planned, exact[0]);
            }
            Double hostShare = hostedShare(ref, run, id, plan);
            if (hostShare != null) {
                return new CampaignMetrics(null, null, null, hostShare, hostShare, null, 0, 0, planned,
                        Math.round(hostShare * planned));
            }
        }
        return new CampaignMetrics(ratio(flagged, members.size()), firstFlag, t90, ratio(served, planned),
                ratio(servedTokens, plannedTokens), ratio(reservesFirst, reserves), members.size(), flagged, planned,
                served);
    }

    /**
     * A hosted campaign (its traffic leaves through another account, e.g. an attacker inside a reseller) has no
     * account of its own; without per-call labels (a truth file older than {@code hosted_senders}) its leakage is
     * estimated as the share of its hosts' unenforced
     * traffic that was still served in this run (traffic assumed spread like the host's). Null when not hosted.
     */
    static Double hostedShare(Reference ref, DetectorRun run, String id, Truth.CampaignTruth plan) {
        long runServed = 0;
        long refServed = 0;
        boolean hosted = false;
        for (String a : plan.accounts()) {
            Truth.AccountTruth t = run.truth().accounts().get(a);
            if (t != null && !id.equals(t.campaignId())) {
                hosted = true;
                Ledger.Account la = run.ledger().accounts().get(a);
                runServed += la == null ? 0 : la.served;
                refServed += ref.servedByAccount().getOrDefault(a, 0L);
            }
        }
        return hosted ? ratio(runServed, refServed) : null;
    }

    /** A hosted campaign's end users: {count, flagged, first call ms, first flag ms} (MAX_VALUE = none). */
    static long[] hostedEndUsers(DetectorRun run, String campaign) {
        long[] r = {0, 0, Long.MAX_VALUE, Long.MAX_VALUE};
        for (Ledger.EndUser u : run.ledger().endUsers().values()) {
            if (campaign.equals(u.label)) {
                r[0]++;
                if (u.firstCallMs >= 0) {
                    r[2] = Math.min(r[2], u.firstCallMs);
                }
                if (u.flagMs >= 0) {
                    r[1]++;
                    r[3] = Math.min(r[3], u.flagMs);
                }
            }
        }
        return r;
    }

    /** a / b, or null when b is 0. */
    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }
}
