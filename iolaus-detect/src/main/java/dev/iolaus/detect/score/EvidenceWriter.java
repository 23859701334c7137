package dev.iolaus.detect.score;

import dev.iolaus.detect.features.Capability;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.AttributeKind;
import dev.iolaus.detect.graph.CampaignState;
import dev.iolaus.detect.graph.Posting;
import dev.iolaus.model.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns campaign markers and the baseline into sentences a person can check against the raw events. */
public final class EvidenceWriter {
    private EvidenceWriter() {
    }

    /** Evidence of a campaign: its strongest markers, the content lift over baseline, the capabilities targeted. */
    public static List<Evidence> campaign(CampaignState c, Baseline b) {
        List<Evidence> out = new ArrayList<>();
        Posting f = c.founding;
        if (f != null) {
            out.add(new Evidence(kindCode(f.kind), sharedSentence(f) + "; " + contentSentence(f, b), clamp(c.score)));
        }
        List<Posting> others = new ArrayList<>(c.markers);
        others.remove(f);
        others.sort(Comparator.comparingInt(Posting::accounts).reversed());
        int shown = 0;
        for (Posting p : others) {
            if (shown == 4) {
                break;
            }
            // A value benign holders piled into stops marking the campaign (purity 0): no longer evidence.
            if (p.accounts() < 2 || p.purity <= 0) {
                continue;
            }
            String text = sharedSentence(p) + (p.tells > 0 && p.n > 0
                    ? String.format(Locale.ROOT, " (%.0f%% of them in the campaign)", 100.0 * p.purity)
                    : "");
            out.add(new Evidence(kindCode(p.kind), text, clamp(p.kind.linkWeight() * p.purity)));
            shown++;
        }
        String caps = capabilities(c.capabilities);
        if (!caps.isEmpty()) {
            out.add(new Evidence("capabilities", "capabilities targeted: " + caps, 0));
        }
        return out;
    }

    /**
     * Evidence of an end user of a host (a sub-account) joining on its own calls: "end user: 402 of its 610 calls
     * carry the campaign's templates or system prompts (ordinary calls: 3.1%); 168 carry extraction tells (27.5%
     * against 5.0% of all traffic)".
     */
    public static Evidence endUser(AccountState a, double markedRate, Baseline b) {
        double n = Math.max(1, a.n);
        return new Evidence("end_user_content", String.format(Locale.ROOT,
                "end user: %d of its %d calls carry the campaign's templates or system prompts (ordinary calls: "
                        + "%.1f%%); %d carry extraction tells (%.1f%% against %.1f%% of all traffic)",
                a.marked, a.n, 100 * markedRate, a.tells, 100 * a.tells / n, 100 * b.tellRate()),
                clamp(a.marked / n));
    }

    /** "312 accounts share system prompt hash 9f2c..." */
    public static String sharedSentence(Posting p) {
        String v = p.display != null ? p.display : String.format(Locale.ROOT, "%016x", p.value).substring(0, 8) + "…";
        return String.format(Locale.ROOT, "%d accounts share %s %s", p.accounts(), p.kind.label(), v);
    }

    /** "71% of their prompts carry extraction tells (...) against 3% of all traffic (z = 14.2)" */
    public static String contentSentence(Posting p, Baseline b) {
        double n = Math.max(1, p.n);
        return String.format(Locale.ROOT,
                "%.0f%% of their %d prompts carry extraction tells (step-by-step reasoning %.0f%%, dataset formats "
                        + "%.0f%%, grading %.0f%%, safety rewrites %.0f%%) against %.1f%% of all traffic (pooled z = %.1f)",
                100 * p.tells / n, p.n, 100 * p.cot / n, 100 * p.dataset / n, 100 * p.grading / n,
                100 * p.rewrite / n, 100 * b.tellRate(), p.z);
    }

    /** "coding 62%, agentic 30%, ..." */
    public static String capabilities(int[] counts) {
        if (counts == null) {
            return "";
        }
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
        for (int i : order) {
            if (counts[i] * 20L < total) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Capability.of(i).wire()).append(' ').append(Math.round(100.0 * counts[i] / total)).append('%');
        }
        return sb.toString();
    }

    /** Machine-readable evidence kind of an attribute. */
    public static String kindCode(AttributeKind k) {
        return switch (k) {
            case HEAD, TAIL, SKELETON -> "shared_template";
            case SYSTEM, SYSTEM_BAND -> "shared_system_prompt";
            case CLIENT -> "client_cluster";
            case PREFIX, ASN_DAY, SIGNUP_PREFIX -> "network_cluster";
            case PAYMENT, BIN -> "payment_cluster";
            case EMAIL_DOMAIN, EMAIL_HASH -> "email_cluster";
            case SIGNUP_BURST, SIGNUP_SLOT -> "signup_burst";
        };
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
